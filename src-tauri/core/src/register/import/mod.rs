//! The import of the administrator's resident list (CSV or XLSX): preview, then apply.
