"""Regional development dashboard: pipeline (text -> Parquet tables) and dashboard helpers."""
