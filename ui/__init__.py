"""PySide6 views over the borderapp services. No SQL here."""
