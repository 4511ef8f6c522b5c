"""The English language pack (``lang="en"``); its time data is in ``_time_lexicon``."""
