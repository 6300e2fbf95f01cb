//! Settings kept inside the archive, shared by the whole board.

use rusqlite::{params, Connection, OptionalExtension};

/// Minutes of inactivity after which the app locks the archive, unless the board changed it.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;
/// The range the auto-lock setting accepts.
pub const AUTO_LOCK_RANGE: std::ops::RangeInclusive<u32> = 1..=240;

const AUTO_LOCK_KEY: &str = "auto_lock_minutes";

/// Minutes of inactivity before the app locks itself.
pub fn auto_lock_minutes(conn: &Connection) -> rusqlite::Result<u32> {
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [AUTO_LOCK_KEY],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value
        .and_then(|v| v.parse().ok())
        .filter(|m| AUTO_LOCK_RANGE.contains(m))
        .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES))
}

/// Sets the auto-lock delay; values outside [`AUTO_LOCK_RANGE`] are clamped into it.
pub fn set_auto_lock_minutes(conn: &Connection, minutes: u32) -> rusqlite::Result<u32> {
    let minutes = minutes.clamp(*AUTO_LOCK_RANGE.start(), *AUTO_LOCK_RANGE.end());
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![AUTO_LOCK_KEY, minutes.to_string()],
    )?;
    Ok(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_lock_defaults_and_clamps() {
        let conn = crate::store::create().unwrap();
        assert_eq!(auto_lock_minutes(&conn).unwrap(), 10);
        assert_eq!(set_auto_lock_minutes(&conn, 0).unwrap(), 1);
        assert_eq!(set_auto_lock_minutes(&conn, 30).unwrap(), 30);
        assert_eq!(auto_lock_minutes(&conn).unwrap(), 30);
    }
}
