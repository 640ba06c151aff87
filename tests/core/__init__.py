"""Tests of the kernel (core/)."""
