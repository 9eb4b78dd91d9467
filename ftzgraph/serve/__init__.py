"""The graph over HTTP: a read-only SPARQL 1.1 endpoint (``ftzgraph serve``).

``app`` is the Starlette application, ``worker`` and ``pool`` run queries in
processes that can be killed at the time limit, ``snapshot`` keeps the copy of
the store they read, ``guard`` and ``negotiate`` decide what is refused and
in which format answers go out, ``cli`` holds the ``serve`` and ``push``
commands. Nothing heavy is imported here: worker processes import this
package on start.
"""
