"""Benchmarks: scripts that print tables; run them by hand, never from the test suite."""
