"""Background work: periodic jobs as data, the scheduler, e-mail notifications, the worker."""
