# Canadian English: long dates "January 7, 2026", numeric dates YYYY-MM-DD.
DATE_FORMAT = "F j, Y"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "F j, Y, g:i a"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
