"""The stored column types as Arrow types: one map for every floor that builds or aligns
Arrow tables (the CSV reader, the loader, the embedded store)."""

import pyarrow as pa

from app.model.schema import ColumnType

ARROW_TYPES: dict[ColumnType, pa.DataType] = {
    "STRING": pa.string(),
    "STRING[]": pa.list_(pa.string()),
    "BOOLEAN": pa.bool_(),
    "INT64": pa.int64(),
    "DATE": pa.date32(),
}
