"""Wire protocol, sync client and central server (see ../shared/ARCHITECTURE.md). Not built yet."""
