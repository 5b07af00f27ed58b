import pytest

# The parity helpers assert on their own: let pytest explain their failures.
pytest.register_assert_rewrite("tests.introspect.static.parity")
