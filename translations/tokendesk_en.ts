<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ApiError</name>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts. Try again in %n second.</numerusform>
            <numerusform>Too many attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::app::CredentialModel</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::AuditPage</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::CredentialAuditView</name>
    <message numerus="yes">
        <source>%n event(s), the newest first.</source>
        <translation>
            <numerusform>%n event, the newest first.</numerusform>
            <numerusform>%n events, the newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %n events; the audit log has all of them.</source>
        <translation>
            <numerusform>The newest %n event; the audit log has all of them.</numerusform>
            <numerusform>The newest %n events; the audit log has all of them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::CredentialsPage</name>
    <message numerus="yes">
        <source>Loaded %n item(s)…</source>
        <translation>
            <numerusform>Loaded %n item…</numerusform>
            <numerusform>Loaded %n items…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n credential(s)? Every request made with them fails from now on; this cannot be undone.</source>
        <translation>
            <numerusform>Revoke %n credential? Every request made with them fails from now on; this cannot be undone.</numerusform>
            <numerusform>Revoke %n credentials? Every request made with them fails from now on; this cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n credential(s).</source>
        <translation>
            <numerusform>Revoked %n credential.</numerusform>
            <numerusform>Revoked %n credentials.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items selected.</source>
        <translation>
            <numerusform>%n items selected.</numerusform>
            <numerusform>%n items selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %1 of %n…</source>
        <translation>
            <numerusform>Revoked %1 of %n…</numerusform>
            <numerusform>Revoked %1 of %n…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already revoked, skipped.</source>
        <translation>
            <numerusform>%n already revoked, skipped.</numerusform>
            <numerusform>%n already revoked, skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n not revoked.</source>
        <translation>
            <numerusform>Cancelled: %n not revoked.</numerusform>
            <numerusform>Cancelled: %n not revoked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not revoked.</source>
        <translation>
            <numerusform>%n not revoked.</numerusform>
            <numerusform>%n not revoked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of those selected are already revoked and are skipped.</source>
        <translation>
            <numerusform>%n of those selected is already revoked and is skipped.</numerusform>
            <numerusform>%n of those selected are already revoked and are skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) per %1 s</source>
        <translation>
            <numerusform>%n request per %1 s</numerusform>
            <numerusform>%n requests per %1 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::DrainWatch</name>
    <message numerus="yes">
        <source>%n request(s) in the last hour</source>
        <translation>
            <numerusform>%n request in the last hour</numerusform>
            <numerusform>%n requests in the last hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n address</numerusform>
            <numerusform>%n addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::ExpiryChooser</name>
    <message numerus="yes">
        <source>Same lifetime as before (%n day(s))</source>
        <translation>
            <numerusform>Same lifetime as before (%n day)</numerusform>
            <numerusform>Same lifetime as before (%n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::ExpiryPage</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::ExpiryTimeline</name>
    <message numerus="yes">
        <source>Week of %1: %n expiring</source>
        <translation>
            <numerusform>Week of %1: %n expiring</numerusform>
            <numerusform>Week of %1: %n expiring</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::GenerateDialog</name>
    <message numerus="yes">
        <source>requests per %n second(s)</source>
        <translation>
            <numerusform>requests per %n second</numerusform>
            <numerusform>requests per %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::InspectorPage</name>
    <message numerus="yes">
        <source>Its last %n refused request(s)</source>
        <translation>
            <numerusform>Its last %n refused request</numerusform>
            <numerusform>Its last %n refused requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::LoginDialog</name>
    <message numerus="yes">
        <source>day(s)</source>
        <comment>after a number</comment>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n item(s)</source>
        <translation>
            <numerusform>%1 of %n item</numerusform>
            <numerusform>%1 of %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n item</numerusform>
            <numerusform>%1: %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expiring within 7 days</source>
        <translation>
            <numerusform>%n expiring within 7 days</numerusform>
            <numerusform>%n expiring within 7 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::NotificationsDialog</name>
    <message numerus="yes">
        <source>A tenant has at most %n notification endpoint(s).</source>
        <translation>
            <numerusform>A tenant has at most %n notification endpoint.</numerusform>
            <numerusform>A tenant has at most %n notification endpoints.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ms</source>
        <translation>
            <numerusform>%n ms</numerusform>
            <numerusform>%n ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::PeoplePage</name>
    <message numerus="yes">
        <source>%n person(s).</source>
        <translation>
            <numerusform>%n person.</numerusform>
            <numerusform>%n people.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invited.</source>
        <translation>
            <numerusform>%n invited.</numerusform>
            <numerusform>%n invited.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disabled.</source>
        <translation>
            <numerusform>%n disabled.</numerusform>
            <numerusform>%n disabled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) are revoked; enabling them again does not bring them back:</source>
        <translation>
            <numerusform>Their %n token is revoked; enabling them again does not bring it back:</numerusform>
            <numerusform>Their %n tokens are revoked; enabling them again does not bring them back:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) stop working until you enable them again:</source>
        <translation>
            <numerusform>Their %n token stops working until you enable them again:</numerusform>
            <numerusform>Their %n tokens stop working until you enable them again:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) are revoked:</source>
        <translation>
            <numerusform>Their %n token is revoked:</numerusform>
            <numerusform>Their %n tokens are revoked:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) stop working:</source>
        <translation>
            <numerusform>Their %n token stops working:</numerusform>
            <numerusform>Their %n tokens stop working:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) lose admin at once:</source>
        <translation>
            <numerusform>Their %n token loses admin at once:</numerusform>
            <numerusform>Their %n tokens lose admin at once:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %1. Revoked their %n token(s): %2</source>
        <translation>
            <numerusform>Disabled %1. Revoked their %n token: %2</numerusform>
            <numerusform>Disabled %1. Revoked their %n tokens: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %1. Their %n token(s) stop working until they are enabled again: %2</source>
        <translation>
            <numerusform>Disabled %1. Their %n token stops working until they are enabled again: %2</numerusform>
            <numerusform>Disabled %1. Their %n tokens stop working until they are enabled again: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enabled %1. Their %n token(s) work again: %2</source>
        <translation>
            <numerusform>Enabled %1. Their %n token works again: %2</numerusform>
            <numerusform>Enabled %1. Their %n tokens work again: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 from the tenant. Revoked their %n token(s): %2</source>
        <translation>
            <numerusform>Removed %1 from the tenant. Revoked their %n token: %2</numerusform>
            <numerusform>Removed %1 from the tenant. Revoked their %n tokens: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 from the tenant. Their %n token(s) stopped working: %2</source>
        <translation>
            <numerusform>Removed %1 from the tenant. Their %n token stopped working: %2</numerusform>
            <numerusform>Removed %1 from the tenant. Their %n tokens stopped working: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is a member now. Their %n token(s) lost admin: %2</source>
        <translation>
            <numerusform>%1 is a member now. Their %n token lost admin: %2</numerusform>
            <numerusform>%1 is a member now. Their %n tokens lost admin: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::RefusalsView</name>
    <message numerus="yes">
        <source>No refused requests in the last %n day(s).</source>
        <translation>
            <numerusform>No refused requests in the last %n day.</numerusform>
            <numerusform>No refused requests in the last %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::RiskReviewPage</name>
    <message numerus="yes">
        <source>%n credential(s) with admin rights and no IP allowlist</source>
        <translation>
            <numerusform>%n credential with admin rights and no IP allowlist</numerusform>
            <numerusform>%n credentials with admin rights and no IP allowlist</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) refused 10 times or more in the last 24 hours</source>
        <translation>
            <numerusform>%n credential refused 10 times or more in the last 24 hours</numerusform>
            <numerusform>%n credentials refused 10 times or more in the last 24 hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) still used after their rotation</source>
        <translation>
            <numerusform>%n credential still used after its rotation</numerusform>
            <numerusform>%n credentials still used after their rotation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) that never expire</source>
        <translation>
            <numerusform>%n credential that never expires</numerusform>
            <numerusform>%n credentials that never expire</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) holding scopes they have not needed for 30 days</source>
        <translation>
            <numerusform>%n credential holding scopes it has not needed for 30 days</numerusform>
            <numerusform>%n credentials holding scopes they have not needed for 30 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) not used for 90 days or more</source>
        <translation>
            <numerusform>%n credential not used for 90 days or more</numerusform>
            <numerusform>%n credentials not used for 90 days or more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) never used, created more than 7 days ago</source>
        <translation>
            <numerusform>%n credential never used, created more than 7 days ago</numerusform>
            <numerusform>%n credentials never used, created more than 7 days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s): %1</source>
        <translation>
            <numerusform>%n credential: %1</numerusform>
            <numerusform>%n credentials: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refusal(s) in the last 24 hours</source>
        <translation>
            <numerusform>%n refusal in the last 24 hours</numerusform>
            <numerusform>%n refusals in the last 24 hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) (checked at %1).</source>
        <translation>
            <numerusform>%n finding (checked at %1).</numerusform>
            <numerusform>%n findings (checked at %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(the newest %n listed)</source>
        <translation>
            <numerusform>(the newest %n listed)</numerusform>
            <numerusform>(the newest %n listed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The actions apply to the %n checked credential(s) of the selected group.</source>
        <translation>
            <numerusform>The actions apply to %n checked credential of the selected group.</numerusform>
            <numerusform>The actions apply to the %n checked credentials of the selected group.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n credential(s)? Every request made with them fails from now on; this cannot be undone.</source>
        <translation>
            <numerusform>Revoke %n credential? Every request made with it fails from now on; this cannot be undone.</numerusform>
            <numerusform>Revoke %n credentials? Every request made with them fails from now on; this cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Narrow the scopes of %n credential(s) to those they needed in the last 30 days? Requests that need a dropped scope are refused from now on.</source>
        <translation>
            <numerusform>Narrow the scopes of %n credential to those it needed in the last 30 days? Requests that need a dropped scope are refused from now on.</numerusform>
            <numerusform>Narrow the scopes of %n credentials to those they needed in the last 30 days? Requests that need a dropped scope are refused from now on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n needed none of its scopes and is left as it is.</source>
        <translation>
            <numerusform>%n needed none of its scopes and is left as it is.</numerusform>
            <numerusform>%n needed none of their scopes and are left as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Make %n credential(s) expire. An expiry can only be brought forward: those that already expire sooner keep their date.</source>
        <translation>
            <numerusform>Make %n credential expire. An expiry can only be brought forward: one that already expires sooner keeps its date.</numerusform>
            <numerusform>Make %n credentials expire. An expiry can only be brought forward: those that already expire sooner keep their date.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>In %n day</numerusform>
            <numerusform>In %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changing %n credential(s)…</source>
        <translation>
            <numerusform>Changing %n credential…</numerusform>
            <numerusform>Changing %n credentials…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n credential(s).</source>
        <translation>
            <numerusform>Revoked %n credential.</numerusform>
            <numerusform>Revoked %n credentials.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Narrowed the scopes of %n credential(s).</source>
        <translation>
            <numerusform>Narrowed the scopes of %n credential.</numerusform>
            <numerusform>Narrowed the scopes of %n credentials.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the expiry of %n credential(s).</source>
        <translation>
            <numerusform>Set the expiry of %n credential.</numerusform>
            <numerusform>Set the expiry of %n credentials.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already expired sooner and kept their date.</source>
        <translation>
            <numerusform>%n already expired sooner and kept its date.</numerusform>
            <numerusform>%n already expired sooner and kept their date.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) failed: %1</source>
        <translation>
            <numerusform>%n change failed: %1</numerusform>
            <numerusform>%n changes failed: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n API key(s) made by someone who has left the tenant</source>
        <translation>
            <numerusform>%n API key made by someone who has left the tenant</numerusform>
            <numerusform>%n API keys made by someone who has left the tenant</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::TrayNotifier</name>
    <message numerus="yes">
        <source>%1 &quot;%2&quot; expires in %n day(s).</source>
        <translation>
            <numerusform>%1 &quot;%2&quot; expires in %n day.</numerusform>
            <numerusform>%1 &quot;%2&quot; expires in %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::UsageChart</name>
    <message numerus="yes">
        <source>%n request(s) in the last %1 days</source>
        <translation>
            <numerusform>%n request in the last %1 days</numerusform>
            <numerusform>%n requests in the last %1 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::UsageView</name>
    <message numerus="yes">
        <source>%n request(s) in the last %1 days</source>
        <translation>
            <numerusform>%n request in the last %1 days</numerusform>
            <numerusform>%n requests in the last %1 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n address(es).</source>
        <translation>
            <numerusform>from %n address.</numerusform>
            <numerusform>from %n addresses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s), last %1</source>
        <translation>
            <numerusform>%n request, last %1</numerusform>
            <numerusform>%n requests, last %1</numerusform>
        </translation>
    </message>
</context>
</TS>
