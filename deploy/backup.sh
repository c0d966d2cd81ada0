#!/bin/sh
# Nightly pg_dump of the Claimgraph database (compose service `backup`, profile "backup").
# Custom-format dumps (restore with pg_restore), kept for BACKUP_KEEP_DAYS days. PG* variables come from compose.
set -eu
interval="${BACKUP_INTERVAL_SECONDS:-86400}"
keep="${BACKUP_KEEP_DAYS:-14}"
mkdir -p /backups
while true; do
  file="/backups/claimgraph-$(date -u +%Y%m%dT%H%M%SZ).dump"
  if pg_dump --format=custom --no-owner --file="$file.partial" && mv "$file.partial" "$file"; then
    echo "backup: wrote $file ($(du -h "$file" | cut -f1))"
  else
    echo "backup: pg_dump failed" >&2
    rm -f "$file.partial"
  fi
  find /backups -name 'claimgraph-*.dump' -mtime +"$keep" -delete
  sleep "$interval"
done
