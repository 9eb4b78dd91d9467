"""A fixed set of query workers shared by all requests.

The number of workers is the number of queries that run at once; a request
that finds none free waits a bounded time and is then refused (503), so a
burst of queries cannot pile up without limit. Each worker is driven from a
thread of a private executor, keeping the event loop free.
"""

from __future__ import annotations

import asyncio
import dataclasses
import multiprocessing
from concurrent.futures import ThreadPoolExecutor

from ftzgraph.serve.worker import Job, Reply, Worker


class Busy(Exception):
    """Every worker stayed busy for the whole waiting time."""


class Pool:
    def __init__(self, size: int, *, snapshot: str, timeout: float, wait: float) -> None:
        self.size, self.timeout, self.wait = size, timeout, wait
        self.snapshot = snapshot  # the store snapshot that new queries read
        context = multiprocessing.get_context("spawn")  # no forked copies of the server's threads
        self.workers = [Worker(context) for _ in range(size)]
        self._executor = ThreadPoolExecutor(max_workers=size + 1, thread_name_prefix="ftz-query")
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()

    async def start(self) -> None:
        """Start every worker and wait until each is ready to take queries."""
        loop = asyncio.get_running_loop()
        for worker in self.workers:
            worker.start()
        await asyncio.gather(
            *(loop.run_in_executor(self._executor, w.wait_ready) for w in self.workers)
        )
        for worker in self.workers:
            self._idle.put_nowait(worker)

    async def run(self, job: Job) -> Reply:
        """Run ``job`` on a free worker, on the current snapshot.

        Raises Busy, QueryTimeout or WorkerFailed.
        """
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.wait)
        except TimeoutError:
            raise Busy from None
        # Shielded: if the client goes away, the worker still finishes (or is
        # killed) before it is handed to the next request.
        task = asyncio.ensure_future(self._run_on(worker, job))
        task.add_done_callback(_consume)  # nobody may be left to read its outcome
        return await asyncio.shield(task)

    async def _run_on(self, worker: Worker, job: Job) -> Reply:
        loop = asyncio.get_running_loop()
        # Chosen and recorded on the event loop, where old snapshots are collected.
        job = dataclasses.replace(job, snapshot=self.snapshot)
        worker.snapshot = job.snapshot
        try:
            return await loop.run_in_executor(self._executor, worker.run, job, self.timeout)
        finally:
            self._idle.put_nowait(worker)

    def snapshots_in_use(self) -> set[str]:
        """The snapshots workers may have open, and the one the next query will read."""
        return {self.snapshot} | {w.snapshot for w in self.workers if w.snapshot is not None}

    def close(self) -> None:
        for worker in self.workers:
            worker.close()
        self._executor.shutdown(wait=False, cancel_futures=True)


def _consume(task: asyncio.Future) -> None:
    if not task.cancelled():
        task.exception()
