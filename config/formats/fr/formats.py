# Canadian French: « 7 janvier 2026 », numeric dates YYYY-MM-DD, times "14 h 05".
# The h is escaped: Django's fr_CA format leaves it bare and prints the hour twice.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "Y-m-d"
TIME_FORMAT = "H\xa0\\h\xa0i"
DATETIME_FORMAT = "j F Y, H\xa0\\h\xa0i"
SHORT_DATETIME_FORMAT = "Y-m-d H\xa0\\h\xa0i"
