"""Background work on the task queue (Django's task framework, database backend): each piece of
long work is a Job that shows its progress, is retried with backoff when it fails, and is shown
to the office with its error when it fails for good."""
