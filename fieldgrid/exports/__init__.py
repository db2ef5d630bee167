"""Files fieldgrid writes for people outside it: spreadsheets a community opens in Excel or WPS."""
