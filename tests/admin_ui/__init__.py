"""Tests of the admin panel (admin_ui/) over HTTP; the browser tests are in tests/e2e."""
