"""Streaming GraphML and GEXF writers: nodes and edges go to the file as they come.

networkx's writers build the whole document as an element tree before writing
a byte (15 GB for a million claims); these keep one small batch of lines in
memory. Text is escaped for XML 1.0, whose grammar has no place at all, not
even as a character reference, for most C0 control characters, U+FFFE, U+FFFF
and lone surrogates: each such character is replaced by U+FFFD and counted, so
the file is always well-formed and the caller can say how many were replaced.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any

import attrs

__all__ = [
    "Column",
    "XmlText",
    "write_gexf_stream",
    "write_graphml_stream",
]

#: Characters that XML 1.0 cannot carry (they become U+FFFD) and characters
#: that must be written as references (markup, and the whitespace that
#: attribute-value normalization would otherwise turn into spaces).
_SPECIAL = re.compile('[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')
_REFERENCES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "\t": "&#9;",
    "\n": "&#10;",
    "\r": "&#13;",
}
REPLACEMENT = "\ufffd"
#: Lines buffered before one write to the file.
_BATCH = 4096
#: Distinct repeated values whose escaping is remembered.
_CACHE_LIMIT = 1 << 17


class XmlText:
    """Escapes text for XML 1.0 content and double-quoted attributes, counting
    the characters XML 1.0 cannot carry (replaced by U+FFFD).

    >>> text = XmlText()
    >>> text.escape('a <b> & "c"\\x01')
    'a &lt;b&gt; &amp; &quot;c&quot;\\ufffd'
    >>> text.replaced
    1
    """

    __slots__ = ("replaced",)

    def __init__(self) -> None:
        self.replaced = 0

    def _reference(self, match: re.Match[str]) -> str:
        found = _REFERENCES.get(match.group())
        if found is not None:
            return found
        self.replaced += 1
        return REPLACEMENT

    def escape(self, value: str) -> str:
        """``value`` ready to stand between quotes or tags."""
        if _SPECIAL.search(value) is None:
            return value
        return _SPECIAL.sub(self._reference, value)


@attrs.frozen(slots=True)
class Column:
    """An attribute declared for nodes or edges of a graph file.

    ``type`` is one of ``string``, ``double``, ``long``, ``boolean`` (the
    names GraphML and GEXF share); every value written under it has that type.
    ``repeated`` marks values that recur often (strings and doubles: each
    distinct value is rendered once).
    """

    name: str
    type: str
    repeated: bool = False

    def __attrs_post_init__(self) -> None:
        if self.type not in _FORMATTERS:
            raise ValueError(f"column {self.name!r}: unknown type {self.type!r}")


_NOT_FINITE = {"nan": "NaN", "inf": "INF", "-inf": "-INF"}


def _double(value: Any) -> str:
    written = repr(float(value))
    return _NOT_FINITE.get(written, written)


def _long(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {value!r}")
    return str(value)


def _boolean(value: Any) -> str:
    if not isinstance(value, bool):
        raise TypeError(f"expected a boolean, got {value!r}")
    return "true" if value else "false"


_FORMATTERS = {"string": None, "double": _double, "long": _long, "boolean": _boolean}

Node = tuple[str, Mapping[str, Any]]
Edge = tuple[str, str, Mapping[str, Any]]
Render = Callable[[Any], str]


def _renderer(
    column: Column, prefix: str, suffix: str, text: XmlText
) -> tuple[Render, dict[Any, str]]:
    """A function writing one value of ``column`` between ``prefix`` and ``suffix``
    (the markup around it), and the values it has written, for a look-up before
    the call: these run for every value of every node, so each is made once,
    for its column, and a repeated value is rendered once."""
    formatter = _FORMATTERS[column.type]
    name = column.name
    if formatter is not None:
        check = formatter
        typed_cache: dict[Any, str] = {}

        def render_typed(value: Any) -> str:
            return prefix + check(value) + suffix

        if not (column.repeated and formatter is _double):
            return render_typed, typed_cache

        def render_number(value: Any) -> str:
            # any number is written as a double, so equal numbers share a rendering
            found = typed_cache.get(value)
            if found is None:
                found = render_typed(value)
                if len(typed_cache) >= _CACHE_LIMIT:
                    typed_cache.clear()
                typed_cache[value] = found
            return found

        return render_number, typed_cache

    def written(value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError(f"attribute {name!r}: expected a string, got {value!r}")
        return prefix + text.escape(value) + suffix

    cache: dict[Any, str] = {}
    if not column.repeated:
        return written, cache

    def render_repeated(value: Any) -> str:
        found = cache.get(value)
        if found is None:
            before = text.replaced
            found = written(value)
            # with replacements, not kept: every occurrence must be counted
            if text.replaced == before:
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                cache[value] = found
        return found

    return render_repeated, cache


class _Renderers(dict[str, Render]):
    """Column name -> renderer; an undeclared name is a clear error."""

    def __missing__(self, name: str) -> Render:
        raise KeyError(f"attribute {name!r} is not declared for the graph file")

    def undeclared(self, error: KeyError) -> KeyError:
        """The clear error for a ``KeyError`` raised in a loop over plain dicts."""
        name = error.args[0] if error.args else None
        if isinstance(name, str) and name not in self:
            return KeyError(f"attribute {name!r} is not declared for the graph file")
        return error


def _lookups(
    caches: Mapping[str, dict[Any, str]], renderers: Mapping[str, Render]
) -> tuple[dict[str, Callable[[Any], str | None]], dict[str, Render]]:
    """Per column, the look-up of values already rendered, and the renderer."""
    return {name: cache.get for name, cache in caches.items()}, dict(renderers)


class _Caches(dict[str, dict[Any, str]]):
    """Column name -> the values its renderer has written."""

    def __missing__(self, name: str) -> dict[Any, str]:
        raise KeyError(f"attribute {name!r} is not declared for the graph file")


class _Lines:
    """Lines of a file, written in batches."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle
        self.lines: list[str] = []

    def flush(self) -> None:
        if self.lines:
            self.handle.write("".join(self.lines))
            self.lines.clear()


_GRAPHML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)


def write_graphml_stream(
    handle: IO[str],
    node_columns: Iterable[Column],
    edge_columns: Iterable[Column],
    nodes: Iterable[Node],
    edges: Iterable[Edge],
    *,
    text: XmlText | None = None,
) -> tuple[int, int]:
    """Write a directed GraphML graph to the text ``handle``; return (nodes, edges).

    Each attribute is declared once with its type (``<key attr.type=...>``);
    node and edge ids and all text are escaped with ``text`` (an
    :class:`XmlText`, whose ``replaced`` then counts characters XML 1.0 cannot
    carry). Nodes must be unique and every edge's ends among them: the caller
    makes sure of that, since checking would mean keeping every id in memory.

    >>> import io
    >>> out = io.StringIO()
    >>> write_graphml_stream(out, [Column("kind", "string")], [Column("kind", "string")],
    ...                      [("a", {"kind": "x"}), ("b", {})], [("a", "b", {"kind": "y"})])
    (2, 1)
    >>> import networkx as nx
    >>> g = nx.parse_graphml(out.getvalue())
    >>> dict(g.nodes(data=True)), list(g.edges(data=True))
    ({'a': {'kind': 'x'}, 'b': {}}, [('a', 'b', {'kind': 'y'})])
    """
    text = text or XmlText()
    escape, clean = text.escape, _SPECIAL.search
    out = _Lines(handle)
    lines = out.lines
    lines.append(_GRAPHML_HEAD)
    renderers: dict[str, _Renderers] = {}
    caches: dict[str, _Caches] = {}
    for scope, columns in (("node", node_columns), ("edge", edge_columns)):
        renderers[scope] = scope_renderers = _Renderers()
        caches[scope] = scope_caches = _Caches()
        for column in columns:
            key = f"{scope[0]}{len(scope_renderers)}"
            scope_renderers[column.name], scope_caches[column.name] = _renderer(
                column, f'<data key="{key}">', "</data>", text
            )
            lines.append(
                f'  <key id="{key}" for="{scope}" attr.name="{text.escape(column.name)}" '
                f'attr.type="{column.type}"/>\n'
            )
    lines.append('  <graph edgedefault="directed">\n')
    node_render, edge_render = renderers["node"], renderers["edge"]
    # plain dicts in the loop, the fastest look-ups there are
    seen, render = _lookups(caches["node"], node_render)
    n_nodes = n_edges = 0
    for node, data in nodes:
        parts = [f'    <node id="{node if clean(node) is None else escape(node)}">']
        try:
            parts += [seen[name](value) or render[name](value) for name, value in data.items()]
        except KeyError as error:
            raise node_render.undeclared(error) from None
        parts.append("</node>\n")
        lines.append("".join(parts))
        n_nodes += 1
        if len(lines) >= _BATCH:
            out.flush()
    rendered = _Shared(lambda data: "".join([edge_render[k](v) for k, v in data.items()]))
    last: Mapping[str, Any] | None = None
    last_text = ""
    for source, target, data in edges:
        if data is not last:
            last, last_text = data, rendered(data)
        # most ids need no escaping: one search, not a call, for those
        lines.append(
            f'    <edge source="{source if clean(source) is None else escape(source)}" '
            f'target="{target if clean(target) is None else escape(target)}">'
            f"{last_text}</edge>\n"
        )
        n_edges += 1
        if len(lines) >= _BATCH:
            out.flush()
    lines.append("  </graph>\n</graphml>\n")
    out.flush()
    return n_nodes, n_edges


class _Shared:
    """Renders edge data, once for each data mapping shared by many edges (edges
    of one kind share theirs); the mappings are held, so their ids stay theirs."""

    def __init__(self, render: Callable[[Mapping[str, Any]], str]) -> None:
        self.render = render
        self.seen: dict[int, tuple[Mapping[str, Any], str]] = {}

    def __call__(self, data: Mapping[str, Any]) -> str:
        found = self.seen.get(id(data))
        if found is not None and found[0] is data:
            return found[1]
        before = len(self.seen)
        written = self.render(data)
        if before < 64:
            self.seen[id(data)] = (data, written)
        return written


_GEXF_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gexf xmlns="http://www.gexf.net/1.2draft" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.gexf.net/1.2draft '
    'http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
    "  <meta>\n    <creator>claimgraph</creator>\n  </meta>\n"
)
#: Node and edge data that GEXF carries as XML attributes of the element.
_GEXF_OWN = frozenset({"label", "start", "end"})


def write_gexf_stream(
    handle: IO[str],
    node_columns: Iterable[Column],
    edge_columns: Iterable[Column],
    nodes: Iterable[Node],
    edges: Iterable[Edge],
    *,
    dated: bool = False,
    text: XmlText | None = None,
) -> tuple[int, int]:
    """Write a directed GEXF 1.2 graph to the text ``handle``; return (nodes, edges).

    ``label``, ``start`` and ``end`` are GEXF's own node attributes (``start``
    and ``end`` ISO dates: with ``dated`` the graph is dynamic, each dated node
    living from its start to its end, as Gephi's timeline shows); every other
    value is an ``attvalue`` of a declared ``attribute``. A node without a
    label is labelled with its id. Edges are numbered from 0. Escaping and
    counting as in :func:`write_graphml_stream`.

    >>> import io
    >>> out = io.StringIO()
    >>> columns = [Column("kind", "string"), Column("label", "string")]
    >>> write_gexf_stream(out, columns, [Column("kind", "string")],
    ...                   [("a", {"kind": "x", "label": "A"}), ("b", {})],
    ...                   [("a", "b", {"kind": "y"})])
    (2, 1)
    >>> import networkx as nx
    >>> g = nx.read_gexf(io.BytesIO(out.getvalue().encode()))
    >>> g.nodes["a"], g.nodes["b"], g.edges["a", "b"]["kind"]
    ({'kind': 'x', 'label': 'A'}, {'label': 'b'}, 'y')
    """
    text = text or XmlText()
    escape, clean = text.escape, _SPECIAL.search
    out = _Lines(handle)
    lines = out.lines
    lines.append(_GEXF_HEAD)
    mode = ' mode="dynamic" timeformat="date"' if dated else ' mode="static"'
    lines.append(f'  <graph defaultedgetype="directed"{mode}>\n')
    renderers: dict[str, _Renderers] = {}
    caches: dict[str, _Caches] = {}
    number = 0
    for scope, columns in (("node", node_columns), ("edge", edge_columns)):
        renderers[scope] = scope_renderers = _Renderers()
        caches[scope] = scope_caches = _Caches()
        lines.append(f'    <attributes class="{scope}" mode="static">\n')
        for column in columns:
            if column.name in _GEXF_OWN:
                if column.type != "string":
                    raise ValueError(f"GEXF's own {column.name!r} is a string, not {column.type}")
                scope_renderers[column.name], scope_caches[column.name] = _renderer(
                    column, f' {column.name}="', '"', text
                )
                continue
            scope_renderers[column.name], scope_caches[column.name] = _renderer(
                column, f'<attvalue for="{number}" value="', '"/>', text
            )
            lines.append(
                f'      <attribute id="{number}" title="{text.escape(column.name)}" '
                f'type="{column.type}"/>\n'
            )
            number += 1
        lines.append("    </attributes>\n")
    node_render, edge_render = renderers["node"], renderers["edge"]
    seen, render = _lookups(caches["node"], node_render)
    lines.append("    <nodes>\n")
    n_nodes = n_edges = 0
    for node, data in nodes:
        escaped = node if clean(node) is None else escape(node)
        own = [f'      <node id="{escaped}"']
        values: list[str] = []
        try:
            for name, value in data.items():
                (own if name in _GEXF_OWN else values).append(
                    seen[name](value) or render[name](value)
                )
        except KeyError as error:
            raise node_render.undeclared(error) from None
        if "label" not in data:
            own.append(f' label="{escaped}"')
        if values:
            own += [">", "<attvalues>", *values, "</attvalues></node>\n"]
        else:
            own.append("/>\n")
        lines.append("".join(own))
        n_nodes += 1
        if len(lines) >= _BATCH:
            out.flush()
    lines.append("    </nodes>\n    <edges>\n")

    def edge_data(data: Mapping[str, Any]) -> str:
        own: list[str] = []
        values: list[str] = []
        for name, value in data.items():
            (own if name in _GEXF_OWN else values).append(edge_render[name](value))
        if values:
            return "".join([*own, "><attvalues>", *values, "</attvalues></edge>\n"])
        return "".join([*own, "/>\n"])

    rendered = _Shared(edge_data)
    last: Mapping[str, Any] | None = None
    last_text = ""
    for source, target, data in edges:
        if data is not last:
            last, last_text = data, rendered(data)
        lines.append(
            f'      <edge id="{n_edges}" '
            f'source="{source if clean(source) is None else escape(source)}" '
            f'target="{target if clean(target) is None else escape(target)}"{last_text}'
        )
        n_edges += 1
        if len(lines) >= _BATCH:
            out.flush()
    lines.append("    </edges>\n  </graph>\n</gexf>\n")
    out.flush()
    return n_nodes, n_edges
