"""Finland-Swedish: ``22.10.2018 kl. 9.00``, as Finnish authorities write dates in Swedish."""

DATE_FORMAT = "j.n.Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = r"j.n.Y \k\l\. G.i"
SHORT_DATE_FORMAT = "j.n.Y"
SHORT_DATETIME_FORMAT = r"j.n.Y \k\l\. G.i"
