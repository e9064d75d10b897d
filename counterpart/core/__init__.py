"""What every app stands on and nothing domain-specific: base models, form and table helpers,
pagination, lookups, input rules and the choices several apps share."""
