"""Pure, frozen data shared by every stage: pages, project facts and findings.

Nothing here imports Django or the Markdown parser.
"""

from featuredocs.model.endpoint_facts import EndpointFact, QueryParamFact, ResponseField
from featuredocs.model.facts import (
    AppFact,
    CacheKeyFact,
    CommandFact,
    EnvVarFact,
    FieldFact,
    IndexFact,
    ModelFact,
    OptionFact,
    ProjectFacts,
    SettingFact,
)
from featuredocs.model.finding import Applicability, Edit, Finding, Fix, Severity
from featuredocs.model.inputs import HeardInputs
from featuredocs.model.location import SourceLocation
from featuredocs.model.page import (
    Block,
    BlockKind,
    CodeBlock,
    DocSet,
    Heading,
    InlineCode,
    LabelledBlock,
    Link,
    ListItem,
    Page,
    Section,
    Suppression,
    TableRow,
)
from featuredocs.model.span import Span

__all__ = [
    "AppFact", "Applicability", "Block", "BlockKind", "CacheKeyFact", "CodeBlock",
    "CommandFact", "DocSet", "Edit", "EndpointFact", "EnvVarFact", "FieldFact", "Finding",
    "Fix", "Heading", "HeardInputs", "IndexFact", "InlineCode", "LabelledBlock", "Link", "ListItem",
    "ModelFact", "OptionFact", "Page", "ProjectFacts", "QueryParamFact", "ResponseField",
    "Section", "SettingFact", "Severity", "SourceLocation", "Span", "Suppression", "TableRow",
]
