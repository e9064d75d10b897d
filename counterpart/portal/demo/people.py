"""Demo users, one per role. Their names are invented."""

DEMO_PASSWORD = "counterpart-demo"

# username, display name, organization code, role
DEMO_USERS = [
    ("office", "Lin Wenhui", "programme-office", "programme_office"),
    ("beijing", "Zhao Mingyuan", "beijing", "donor_team"),
    ("hotan", "Reyhan Kerim", "hotan-prefecture-office", "recipient_team"),
    ("auditor", "Chen Shuhua", "programme-office", "auditor"),
    ("professional", "Wang Jiaqi", "bfsu", "professional"),
]
