"""Lead-Nexus: a B2B lead marketplace."""
