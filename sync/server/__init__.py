"""The central TIMS-style server: FastAPI over SQLAlchemy Core, SQLite by default, PostgreSQL at scale."""
