"""Analytics: read-only dashboard queries for clients, vendors and admins."""
