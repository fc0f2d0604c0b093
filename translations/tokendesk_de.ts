<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ApiError</name>
    <message>
        <source>The server cannot be reached (%1). Check the connection and the server address, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the connection, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s identity could not be verified (%1). Check the profile&apos;s CA file and key pin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an answer TokenDesk does not understand. Is the address a TokenDesk API?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain failed: %1. Unlock the keychain or check that a Secret Service is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed (%1). Nothing was changed; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cidr</name>
    <message>
        <source>Enter an IP address or a network such as 10.0.0.0/8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a space or a separator. Enter one address or network per entry, such as 10.0.0.0/8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or network. Use a form such as 192.168.1.0/24 or 2001:db8::/32.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prefix length in &quot;%1&quot; must be a whole number from 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has address bits set beyond the prefix length; did you mean %2?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialKind</name>
    <message>
        <source>API Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User Authorization Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user authorization token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>The token is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is not a well-formed JWT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token header is not the expected one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token uses an algorithm other than HS256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token signature is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token names the same field twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token lacks a required claim or has one of the wrong type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token was issued by another issuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is meant for another audience.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is not valid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token claims to be issued in the future.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Manage API keys, UATs and private tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a local demo server and log in to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokendesk-server to start with --demo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::app::ApiClient</name>
    <message>
        <source>Enter a server address such as https://api.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// is only allowed for this computer (localhost); use https:// for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s public key does not match the pinned key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::app::ApiJob</name>
    <message>
        <source>no connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected response</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::app::CredentialModel</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP allowlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::app::DemoLauncher</name>
    <message>
        <source>The demo server could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server stopped before it was ready (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokendesk-server was not found beside TokenDesk or on PATH.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::AppController</name>
    <message>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key pin must be the base64 of a SHA-256 digest (32 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No remembered login could be read: %1 Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have logged out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::CredentialsPage</name>
    <message>
        <source>&amp;Generate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, prefix, scope, address… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n item(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Private tokens can only be created after logging in with a password, not with a stored token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotated &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n credential(s)? Every request made with them fails from now on; this cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n credential(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select an item to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n items selected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP allowlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::GenerateDialog</name>
    <message>
        <source>Generate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What uses it, e.g. &quot;Warehouse sync&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Permissions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Valid until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP allowlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One address or network per line, e.g. 10.20.0.0/16 or 2001:db8::/32.
Empty: any address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;IP allowlist:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a date in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the IP allowlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused some fields; see the messages above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::LoginDialog</name>
    <message>
        <source>Connect to an API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored admin API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored private token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer (in the system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional PEM file of a private CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional SHA-256 of the server&apos;s public key, base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key p&amp;in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token (empty: use the stored one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::MainWindow</name>
    <message>
        <source>TokenDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in with a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TokenDesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token without expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session renews %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token expires %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::RotateDialog</name>
    <message>
        <source>Rotate &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new secret replaces &quot;%1&quot; with the same name, scopes and allowlist. The old secret keeps working for the grace period, so that its users can switch over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: the old secret stops now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>td::ui::SecretDialog</name>
    <message>
        <source>&lt;b&gt;Copy the secret of &quot;%1&quot; now.&lt;/b&gt; It is shown only this once: TokenDesk does not keep it and the server stores only a digest, so nobody can show it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard is cleared after 30 seconds unless you copy something else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have stored the secret in a safe place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without the secret?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret cannot be shown again. If you have not stored it, you will have to rotate or generate a new one. Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
