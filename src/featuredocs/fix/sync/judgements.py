"""The rules' own judgements, used by sync so that sync and check never disagree.

Whether a field must be listed, which index a list must show, which options and query
parameters a page must name, which variables belong to a feature: each rule decides
this in one small helper. Sync asks the same helpers — it adds exactly what the rule
would report missing and removes exactly what it would report stale — instead of
keeping a second opinion that could drift from the first.
"""

from __future__ import annotations

from featuredocs.rules.fd3_models.fd305_undocumented_field import expected as field_expected
from featuredocs.rules.fd3_models.fd306_undocumented_index import expected as index_expected
from featuredocs.rules.fd3_models.resolve import documented_names as documented_field_names
from featuredocs.rules.fd4_commands.fd403_stale_option_default import option_fact
from featuredocs.rules.fd4_commands.fd405_undocumented_option import (
    described_arguments,
    documented_names as documented_option_names,
)
from featuredocs.rules.fd4_commands.fd405_undocumented_option import is_documented as option_documented
from featuredocs.rules.fd4_commands.fd405_undocumented_option import needs_documenting as option_expected
from featuredocs.rules.fd5_endpoints.fd502_method_not_allowed import allowed_methods
from featuredocs.rules.fd5_endpoints.documented import accepted_params
from featuredocs.rules.fd6_config.claims import required_word
from featuredocs.rules.fd6_config.fd603_required_flag_mismatch import mismatch as required_mismatch
from featuredocs.rules.fd6_config.fd606_undocumented_environment_variable import mentioned as env_mentioned
from featuredocs.rules.fd6_config.fd606_undocumented_environment_variable import read_in_any as env_read_in_any

__all__ = [
    "accepted_params", "allowed_methods", "described_arguments", "documented_field_names", "documented_option_names", "env_mentioned",
    "env_read_in_any", "field_expected", "index_expected", "option_documented", "option_expected",
    "option_fact", "required_mismatch", "required_word",
]
