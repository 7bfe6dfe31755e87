"""Pages whose address or tree path starts with a prefix, asked as a range: a prefix is a value of the
query, so a query run as a prepared statement keeps it as a parameter, and once PostgreSQL plans such
a statement for any value (its generic plan, after five runs on a connection), a LIKE with a
parameter for its pattern can use no index and every page is read (0.9–2.1 ms at 2,000 pages, and
growing with the portal). A range of the same values can: the pattern operators ~>=~ and ~<~, which
compare byte by byte as LIKE's prefix does, are what `pages_page_url_path_idx` (url_path,
text_pattern_ops) and Django's index on Wagtail's path (varchar_pattern_ops) answer; other databases
compare so with >= and <."""

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
    """The first value after every value that starts with `prefix` (not empty)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def starting_with(field, prefix, end):
    """Pages whose `field` starts with `prefix`; `end` is prefix_end(prefix), given as a value of its
    own so that a query memo sees it as one (query_memo.py)."""
    return Q(AtLeast(F(field), prefix), Below(F(field), end))
