"""A page render's queries run without building and compiling them each time: each query's SQL is
compiled by Django once per database connection and query shape, then run with the request's values
as its parameters, and its rows are made into model instances as a queryset makes them.

A query is given as a function that builds its queryset from values (nothing else: it must not read
the content or the request). The shape is the function, the model, the values' names and types and
the lengths of list values (an IN list of three paths is another SQL than one of four); it never
holds a value. To find where each value goes, the queryset is built once with stand-in values
(sentinels) and compiled; each parameter Django wrote is matched to the stand-in it came from. Before a
shape's SQL is used, it is checked once against Django's own compilation with the real values: any
difference (a value Django writes in a way not known here, a query that compiles to nothing) leaves
that shape to the ORM for the life of the process."""

import uuid
import weakref

from django.core.exceptions import EmptyResultSet, FullResultSet, ValidationError
from django.db import connections, router
from django.db.models.query import get_related_populators

# A shape whose SQL could not be reused: the ORM runs it.
NOT_REUSABLE = object()

# Stand-in integers stay inside a 32-bit integer column's range: Django answers a lookup outside it
# with no query at all (EmptyResultSet), which would hide where the value goes. They are far apart, so
# a number a build function works out from one (depth + 1) is no other's stand-in: it stays a constant
# in the SQL, which the check against the real values then refuses.
FIRST_STAND_IN = 2_000_000_000
STAND_IN_SPACING = 1_000

_memos = weakref.WeakKeyDictionary()  # connection → {shape: Prepared or NOT_REUSABLE}


def fetch(model, build, **values):
    """list(build(**values)), the queryset's instances, its SQL compiled once per shape (see above).
    `model` is the queryset's model: its database is chosen as the queryset would choose it."""
    if not all(_reusable_value(value) for value in values.values()):
        return list(build(**values))
    connection = connections[router.db_for_read(model)]
    memo = _memos.setdefault(connection, {})
    shape = (model, build, *((name, _kind(value)) for name, value in sorted(values.items())))
    prepared = memo.get(shape)
    if prepared is None:
        prepared = memo[shape] = _prepared_and_checked(connection, build, values)
    if prepared is NOT_REUSABLE:
        return list(build(**values))
    return prepared.run(connection, values)


def _reusable_value(value):
    """A list of distinct values, none of them None (Django drops None and repeats from an IN list,
    which the shape would not show), or one value."""
    if isinstance(value, (list, tuple)):
        return None not in value and len(set(value)) == len(value) and len({type(v) for v in value}) <= 1
    return value is not None


def _kind(value):
    if isinstance(value, (list, tuple)):
        return (list, type(value[0]) if value else None, len(value))
    return type(value)


def _prepared_and_checked(connection, build, values):
    """The shape's SQL, if its parameters for these values are exactly the ones Django writes."""
    try:
        stand_ins = StandIns(values)
        prepared = Prepared(build(**stand_ins.values).query.get_compiler(connection=connection), stand_ins)
        expected = build(**values).query.get_compiler(connection=connection).as_sql()
    except (EmptyResultSet, FullResultSet, ValueError, TypeError, ValidationError):
        # A stand-in the field refuses (a UUID field given a string), a query of nothing, a value not
        # matched: the ORM answers, and raises whatever it raises for the real values.
        return NOT_REUSABLE
    if (prepared.sql, prepared.parameters(connection, values)) != (expected[0], list(expected[1])):
        return NOT_REUSABLE
    return prepared


class StandIns:
    """A distinct stand-in for each value (each item of a list), of the value's type."""

    def __init__(self, values):
        self.count = 0
        self.origin = {}  # stand-in → (name, index in its list or None)
        self.values = {name: self.stand_in_for(name, value) for name, value in values.items()}

    def stand_in_for(self, name, value):
        if isinstance(value, (list, tuple)):
            return [self.one(item, (name, index)) for index, item in enumerate(value)]
        return self.one(value, (name, None))

    def one(self, value, origin):
        self.count += 1
        if isinstance(value, bool):
            raise ValueError("a flag belongs to the query's shape, not to its values")
        if isinstance(value, int):
            stand_in = FIRST_STAND_IN + self.count * STAND_IN_SPACING
        elif isinstance(value, uuid.UUID):
            stand_in = uuid.UUID(int=FIRST_STAND_IN + self.count * STAND_IN_SPACING)
        elif isinstance(value, str):
            # No character a LIKE pattern escapes, so the stand-in is found inside a pattern too.
            stand_in = f"\x1estand-in {self.count}\x1e"
        else:
            raise ValueError(f"no stand-in for a {type(value).__name__}")
        self.origin[stand_in] = origin
        return stand_in


def _as_is(value, connection):
    return value


def _as_hex(value, connection):
    return value.hex


def _as_prefix_pattern(value, connection):
    return "%s%%" % connection.ops.prep_for_like_query(value)


def _writing(parameter, stand_in, connection):
    """How Django wrote this value as this parameter, or None (another value's): as it is; an integer
    in a subtype of int (psycopg's Int4, which PostgreSQL's backend uses for integer columns); a UUID as
    hex where the database has no UUID type (SQLite); a string as a LIKE pattern (startswith)."""
    if type(parameter) is type(stand_in) and parameter == stand_in:
        return _as_is
    if isinstance(stand_in, int) and isinstance(parameter, int) and not isinstance(parameter, bool):
        return _as_subtype(type(parameter)) if int(parameter) == stand_in else None
    if isinstance(stand_in, uuid.UUID) and parameter == stand_in.hex:
        return _as_hex
    if isinstance(stand_in, str) and parameter == _as_prefix_pattern(stand_in, connection):
        return _as_prefix_pattern
    return None


def _as_subtype(subtype):
    return lambda value, connection: subtype(value)


def _source_of(parameter, stand_ins, connection):
    """(name, index, writing) of the value a compiled parameter came from, or None for a constant."""
    for stand_in, origin in stand_ins.origin.items():
        writing = _writing(parameter, stand_in, connection)
        if writing is not None:
            return (*origin, writing)
    if any(isinstance(parameter, str) and str(stand_in) in parameter for stand_in in stand_ins.origin):
        raise ValueError("a value written in an unknown way")
    return None


class Prepared:
    """One shape's SQL with where each value goes, and how its rows become instances (as Django's
    ModelIterable makes them)."""

    def __init__(self, compiler, stand_ins):
        self.sql, parameters = compiler.as_sql()
        connection = compiler.connection
        self.sources = [(parameter, _source_of(parameter, stand_ins, connection)) for parameter in parameters]
        if {source[:2] for _parameter, source in self.sources if source} != set(stand_ins.origin.values()):
            raise ValueError("a value that did not reach the SQL")
        self.compiler = compiler  # kept for its converters (value-independent)
        self.converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])
        klass_info = compiler.klass_info
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [column[0].target.attname for column in compiler.select[self.start : self.end]]
        self.related_populators = get_related_populators(klass_info, compiler.select, connection.alias)
        self.annotation_columns = list(compiler.annotation_col_map.items())

    def parameters(self, connection, values):
        return [parameter if source is None else self.value(source, connection, values)
                for parameter, source in self.sources]

    @staticmethod
    def value(source, connection, values):
        name, index, write = source
        value = values[name] if index is None else values[name][index]
        return write(value, connection)

    def run(self, connection, values):
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.parameters(connection, values))
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        return [self.instance(row, connection.alias) for row in rows]

    def instance(self, row, alias):
        instance = self.model.from_db(alias, self.init_list, row[self.start : self.end])
        for populator in self.related_populators:
            populator.populate(row, instance)
        for name, column in self.annotation_columns:
            setattr(instance, name, row[column])
        return instance
