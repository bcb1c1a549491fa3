"""Reconcile the claims of several articles about one event."""
