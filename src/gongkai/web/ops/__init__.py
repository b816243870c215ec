"""Running the platform: production serving, the health endpoints, structured logs, the shared
cache, backups, and the guard that keeps the demo's published password off the network."""
