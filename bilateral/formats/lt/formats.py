# Django's own Lithuanian formats group thousands with a full stop; Lithuanian typography
# groups them with a (non-breaking) space and the seed writes four-digit figures ungrouped.
THOUSAND_SEPARATOR = "\xa0"
DECIMAL_SEPARATOR = ","
NUMBER_GROUPING = 3
