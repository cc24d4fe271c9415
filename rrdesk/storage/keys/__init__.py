"""The store's keys: the data key wrapped once per way in, and the file that holds the slots."""
