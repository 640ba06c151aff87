"""The panel's pages, one module per domain: organisation, warnings, tokens, records."""
