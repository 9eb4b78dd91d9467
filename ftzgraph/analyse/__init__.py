"""Research analyses over the extracted graph: named SPARQL queries, networks, reports.

Each module does one job and works on any :class:`ftzgraph.store.Store`:
``queries`` (named ``.rq`` files with safely bound parameters), ``concepts``
(concept, mention and relation tables), ``network`` (networkx projections),
``figures`` and ``report`` (a self-contained HTML report). Importing this
package stays cheap; matplotlib is only imported by ``figures``.
"""
