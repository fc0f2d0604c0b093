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
