"""Pages whose address starts with a prefix, asked as a range of addresses: a prefix is a value of the
query, so a query run as a prepared statement keeps it as a parameter, and once PostgreSQL plans such
a statement for any value (its generic plan, after five runs on a connection), a LIKE with a
parameter for its pattern can use no index and every page is read (0.9–2.1 ms at 2,000 pages, and
growing with the portal). A range of the same addresses can: `pages_page_url_path_idx`
(text_pattern_ops) answers the pattern operators ~>=~ and ~<~, which compare byte by byte as LIKE's
prefix does; other databases compare so with >= and <."""

from django.db.models import F, Lookup, Q


class AtLeast(Lookup):
    lookup_name = "pattern_gte"
    operators = {"postgresql": "~>=~"}
    default_operator = ">="

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        operator = self.operators.get(connection.vendor, self.default_operator)
        return f"{lhs} {operator} {rhs}", [*lhs_params, *rhs_params]


class Below(AtLeast):
    lookup_name = "pattern_lt"
    operators = {"postgresql": "~<~"}
    default_operator = "<"


def prefix_end(prefix):
    """The first address after every address that starts with `prefix` (a prefix ending in "/")."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def url_path_starting_with(prefix, end):
    """Pages whose url_path starts with `prefix`; `end` is prefix_end(prefix), given as a value of its
    own so that a query memo sees it as one (query_memo.py)."""
    return Q(AtLeast(F("url_path"), prefix), Below(F("url_path"), end))
