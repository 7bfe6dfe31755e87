# Django's own Polish formats ("6 lutego 1995", j E Y) apply; only the grouping is repeated here so
# that figures read as Polish typography writes them: a (non-breaking) space between thousands.
THOUSAND_SEPARATOR = "\xa0"
DECIMAL_SEPARATOR = ","
NUMBER_GROUPING = 3
