"""Report pages, one module per page: list, detail, imports, calendar, audit."""
