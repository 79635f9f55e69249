"""Tests of the public, server-rendered site: what readers, crawlers and partners get."""
