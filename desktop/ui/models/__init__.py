"""Qt item models over the data of the services, fetched lazily off the GUI thread."""
