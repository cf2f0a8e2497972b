"""Documents made from a plan: the printed report, PDF and iCalendar. QtGui only, no widgets."""
