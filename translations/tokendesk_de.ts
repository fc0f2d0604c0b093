<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ApiError</name>
    <message>
        <source>The server cannot be reached (%1). Check the connection and the server address, then retry.</source>
        <translation>Der Server ist nicht erreichbar (%1). Prüfen Sie die Verbindung und die Serveradresse und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the connection, then retry.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Prüfen Sie die Verbindung und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s identity could not be verified (%1). Check the profile&apos;s CA file and key pin.</source>
        <translation>Die Identität des Servers konnte nicht überprüft werden (%1). Prüfen Sie die CA-Datei und den Schlüssel-Pin des Profils.</translation>
    </message>
    <message>
        <source>The server sent an answer TokenDesk does not understand. Is the address a TokenDesk API?</source>
        <translation>Der Server hat eine Antwort gesendet, die TokenDesk nicht versteht. Gehört die Adresse zu einer TokenDesk-API?</translation>
    </message>
    <message>
        <source>The system keychain failed: %1. Unlock the keychain or check that a Secret Service is running.</source>
        <translation>Fehler im Schlüsselbund des Systems: %1. Entsperren Sie den Schlüsselbund oder prüfen Sie, ob ein Secret Service läuft.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Versuche. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Versuche. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment, then try again.</source>
        <translation>Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>Ihre Sitzung ist beendet. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are not allowed to do this: %1</source>
        <translation>Dazu fehlt Ihnen die Berechtigung: %1</translation>
    </message>
    <message>
        <source>The server failed (%1). Nothing was changed; try again later.</source>
        <translation>Serverfehler (%1). Es wurde nichts geändert; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>Der Server hat die Anfrage abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>The server redirected the request elsewhere; TokenDesk does not follow redirects with your credentials. Check the server address.</source>
        <translation>Der Server hat die Anfrage an eine andere Adresse umgeleitet; TokenDesk folgt Umleitungen nicht mit Ihren Zugangsdaten. Prüfen Sie die Serveradresse.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Cidr</name>
    <message>
        <source>Enter an IP address or a network such as 10.0.0.0/8.</source>
        <translation>Geben Sie eine IP-Adresse oder ein Netzwerk wie 10.0.0.0/8 ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a space or a separator. Enter one address or network per entry, such as 10.0.0.0/8.</source>
        <translation>„%1“ enthält ein Leerzeichen oder Trennzeichen. Geben Sie pro Eintrag eine Adresse oder ein Netzwerk ein, z. B. 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or network. Use a form such as 192.168.1.0/24 or 2001:db8::/32.</source>
        <translation>„%1“ ist weder eine IP-Adresse noch ein Netzwerk. Verwenden Sie eine Schreibweise wie 192.168.1.0/24 oder 2001:db8::/32.</translation>
    </message>
    <message>
        <source>The prefix length in &quot;%1&quot; must be a whole number from 0 to %2.</source>
        <translation>Die Präfixlänge in „%1“ muss eine ganze Zahl von 0 bis %2 sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has address bits set beyond the prefix length; did you mean %2?</source>
        <translation>In „%1“ sind Adressbits jenseits der Präfixlänge gesetzt; meinten Sie %2?</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Vorproduktion</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
</context>
<context>
    <name>CredentialKind</name>
    <message>
        <source>API Keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>User Authorization Tokens</source>
        <translation>Benutzer-Autorisierungstokens</translation>
    </message>
    <message>
        <source>Private Tokens</source>
        <translation>Private Tokens</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>user authorization token</source>
        <translation>Benutzer-Autorisierungstoken</translation>
    </message>
    <message>
        <source>private token</source>
        <translation>privates Token</translation>
    </message>
    <message>
        <source>Generate API key</source>
        <translation>API-Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Generate user authorization token</source>
        <translation>Benutzer-Autorisierungstoken erzeugen</translation>
    </message>
    <message>
        <source>Generate private token</source>
        <translation>Privates Token erzeugen</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>New user authorization token</source>
        <translation>Neues Benutzer-Autorisierungstoken</translation>
    </message>
    <message>
        <source>New private token</source>
        <translation>Neues privates Token</translation>
    </message>
    <message>
        <source>Signed in with an API key</source>
        <translation>Mit einem API-Schlüssel angemeldet</translation>
    </message>
    <message>
        <source>Signed in with a user authorization token</source>
        <translation>Mit einem Benutzer-Autorisierungstoken angemeldet</translation>
    </message>
    <message>
        <source>Signed in with a private token</source>
        <translation>Mit einem privaten Token angemeldet</translation>
    </message>
    <message>
        <source>API key</source>
        <comment>standing alone, as a heading or a value</comment>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>User authorization token</source>
        <comment>standing alone, as a heading or a value</comment>
        <translation>Benutzer-Autorisierungstoken</translation>
    </message>
    <message>
        <source>Private token</source>
        <comment>standing alone, as a heading or a value</comment>
        <translation>Privates Token</translation>
    </message>
    <message>
        <source>No API keys yet.</source>
        <translation>Noch keine API-Schlüssel.</translation>
    </message>
    <message>
        <source>No user authorization tokens yet.</source>
        <translation>Noch keine Benutzer-Autorisierungstokens.</translation>
    </message>
    <message>
        <source>No private tokens yet.</source>
        <translation>Noch keine privaten Tokens.</translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>The token is valid.</source>
        <translation>Das Token ist gültig.</translation>
    </message>
    <message>
        <source>The token is too large.</source>
        <translation>Das Token ist zu groß.</translation>
    </message>
    <message>
        <source>The token is not a well-formed JWT.</source>
        <translation>Das Token ist kein wohlgeformtes JWT.</translation>
    </message>
    <message>
        <source>The token header is not the expected one.</source>
        <translation>Der Token-Header entspricht nicht dem erwarteten.</translation>
    </message>
    <message>
        <source>The token uses an algorithm other than HS256.</source>
        <translation>Das Token verwendet einen anderen Algorithmus als HS256.</translation>
    </message>
    <message>
        <source>The token signature is not valid.</source>
        <translation>Die Signatur des Tokens ist ungültig.</translation>
    </message>
    <message>
        <source>The token names the same field twice.</source>
        <translation>Das Token enthält dasselbe Feld zweimal.</translation>
    </message>
    <message>
        <source>The token lacks a required claim or has one of the wrong type.</source>
        <translation>Dem Token fehlt ein erforderlicher Claim, oder ein Claim hat den falschen Typ.</translation>
    </message>
    <message>
        <source>The token was issued by another issuer.</source>
        <translation>Das Token wurde von einem anderen Aussteller ausgestellt.</translation>
    </message>
    <message>
        <source>The token is meant for another audience.</source>
        <translation>Das Token ist für eine andere Zielgruppe (Audience) bestimmt.</translation>
    </message>
    <message>
        <source>The token has expired.</source>
        <translation>Das Token ist abgelaufen.</translation>
    </message>
    <message>
        <source>The token is not valid yet.</source>
        <translation>Das Token ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>The token claims to be issued in the future.</source>
        <translation>Laut Token liegt sein Ausstellungszeitpunkt in der Zukunft.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>Ihre Sitzung ist beendet. Melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>TokenReport</name>
    <message>
        <source>Refresh token</source>
        <translation>Refresh-Token</translation>
    </message>
    <message>
        <source>Session token (JWT)</source>
        <translation>Sitzungstoken (JWT)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Paste a token to inspect it.</source>
        <translation>Fügen Sie ein Token ein, um es zu prüfen.</translation>
    </message>
    <message>
        <source>It has %1 characters instead of %2: part of it may be missing.</source>
        <translation>Es hat %1 statt %2 Zeichen: Möglicherweise fehlt ein Teil.</translation>
    </message>
    <message>
        <source>The checksum does not match: a character was changed or mistyped.</source>
        <translation>Die Prüfsumme stimmt nicht: Ein Zeichen wurde verändert oder falsch eingegeben.</translation>
    </message>
    <message>
        <source>The header or the claims are not valid JSON.</source>
        <translation>Header oder Claims sind kein gültiges JSON.</translation>
    </message>
    <message>
        <source>This is neither a TokenDesk token (td…_) nor a JWT.</source>
        <translation>Dies ist weder ein TokenDesk-Token (td…_) noch ein JWT.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Manage API keys, UATs and private tokens.</source>
        <translation>API-Schlüssel, UATs und private Tokens verwalten.</translation>
    </message>
    <message>
        <source>Start a local demo server and log in to it.</source>
        <translation>Einen lokalen Demo-Server starten und sich dort anmelden.</translation>
    </message>
    <message>
        <source>tokendesk-server to start with --demo.</source>
        <translation>tokendesk-server, der mit --demo gestartet wird.</translation>
    </message>
</context>
<context>
    <name>td::app::ApiClient</name>
    <message>
        <source>Enter a server address such as https://api.example.com.</source>
        <translation>Geben Sie eine Serveradresse wie https://api.example.com ein.</translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation>Die Adresse muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Plain http:// is only allowed for this computer (localhost); use https:// for %1.</source>
        <translation>Unverschlüsseltes http:// ist nur für diesen Computer (localhost) zulässig; verwenden Sie https:// für %1.</translation>
    </message>
    <message>
        <source>the server&apos;s public key does not match the pinned key</source>
        <translation>der öffentliche Schlüssel des Servers stimmt nicht mit dem gepinnten Schlüssel überein</translation>
    </message>
</context>
<context>
    <name>td::app::ApiJob</name>
    <message>
        <source>no connection</source>
        <translation>keine Verbindung</translation>
    </message>
    <message>
        <source>unexpected response</source>
        <translation>unerwartete Antwort</translation>
    </message>
</context>
<context>
    <name>td::app::AuditModel</name>
    <message>
        <source>Logged in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>Fehlgeschlagene Anmeldung</translation>
    </message>
    <message>
        <source>Login rate limit hit</source>
        <translation>Anmeldelimit erreicht</translation>
    </message>
    <message>
        <source>Session renewed</source>
        <translation>Sitzung erneuert</translation>
    </message>
    <message>
        <source>Refresh token reused: session ended</source>
        <translation>Refresh-Token wiederverwendet: Sitzung beendet</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Credential refused</source>
        <translation>Berechtigungsnachweis abgelehnt</translation>
    </message>
    <message>
        <source>Token inspected</source>
        <translation>Token geprüft</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Rotated</source>
        <translation>Rotiert</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>td::app::CredentialModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>in less than a minute</source>
        <translation>in weniger als einer Minute</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n Monat</numerusform>
            <numerusform>%n Monaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahren</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Never used</source>
        <translation>Nie verwendet</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Any address</source>
        <translation>Alle Adressen</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Berechtigungsumfang</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>IP allowlist</source>
        <translation>IP-Zulassungsliste</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>No person (%1)</source>
        <translation>Keine Person (%1)</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
</context>
<context>
    <name>td::app::DemoLauncher</name>
    <message>
        <source>The demo server could not be started: %1</source>
        <translation>Der Demo-Server konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The demo server stopped before it was ready (exit code %1).</source>
        <translation>Der Demo-Server wurde beendet, bevor er bereit war (Exit-Code %1).</translation>
    </message>
    <message>
        <source>tokendesk-server was not found beside TokenDesk or on PATH.</source>
        <translation>tokendesk-server wurde weder neben TokenDesk noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>The demo server has stopped: it crashed.</source>
        <translation>Der Demo-Server wurde beendet: Er ist abgestürzt.</translation>
    </message>
    <message>
        <source>The demo server has stopped (exit code %1).</source>
        <translation>Der Demo-Server wurde beendet (Exit-Code %1).</translation>
    </message>
</context>
<context>
    <name>td::app::ExpiryModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>td::app::ExpiryNotifier</name>
    <message>
        <source>Its login is not remembered, so it is checked only while TokenDesk is signed in to it. Sign in with &quot;Remember me&quot; to be notified at other times.</source>
        <translation>Ihre Anmeldung ist nicht gemerkt, daher wird sie nur geprüft, solange TokenDesk bei ihr angemeldet ist. Melden Sie sich mit „Anmeldung merken“ an, um auch sonst benachrichtigt zu werden.</translation>
    </message>
    <message>
        <source>The system keychain holds no sign-in for it (or is locked). Sign in to it once with &quot;Remember me&quot; or a stored token.</source>
        <translation>Der Schlüsselbund des Systems enthält keine Anmeldung dafür (oder ist gesperrt). Melden Sie sich einmal mit „Anmeldung merken“ oder einem gespeicherten Token an.</translation>
    </message>
    <message>
        <source>Signing in with its remembered login failed: %1</source>
        <translation>Anmelden mit der gemerkten Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Signing in with its stored token failed: %1</source>
        <translation>Anmelden mit dem gespeicherten Token fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 could not be listed: %2</source>
        <translation>%1 konnten nicht aufgelistet werden: %2</translation>
    </message>
</context>
<context>
    <name>td::ui::AboutDialog</name>
    <message>
        <source>About TokenDesk</source>
        <translation>Über TokenDesk</translation>
    </message>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Admin console for API keys, user authorization tokens and private tokens.</source>
        <translation>Verwaltungskonsole für API-Schlüssel, Benutzer-Autorisierungstoken und private Token.</translation>
    </message>
    <message>
        <source>Copyright © 2026 TokenDesk contributors</source>
        <translation>Copyright © 2026 TokenDesk-Mitwirkende</translation>
    </message>
    <message>
        <source>Licensed under the MIT License.</source>
        <translation>Lizenziert unter der MIT-Lizenz.</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>TLS: %1 (built with %2)</source>
        <translation>TLS: %1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>TLS: no OpenSSL library could be loaded (built with %1); HTTPS connections will fail.</source>
        <translation>TLS: Keine OpenSSL-Bibliothek konnte geladen werden (erstellt mit %1); HTTPS-Verbindungen werden fehlschlagen.</translation>
    </message>
    <message>
        <source>TLS: this Qt was built without TLS support; HTTPS connections will fail.</source>
        <translation>TLS: Dieses Qt wurde ohne TLS-Unterstützung erstellt; HTTPS-Verbindungen werden fehlschlagen.</translation>
    </message>
    <message>
        <source>Secrets are kept in the macOS Keychain.</source>
        <translation>Geheimnisse werden im macOS-Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>Secrets are kept in the Windows Credential Manager.</source>
        <translation>Geheimnisse werden in der Windows-Anmeldeinformationsverwaltung aufbewahrt.</translation>
    </message>
    <message>
        <source>Secrets are kept in the Secret Service (for example GNOME Keyring or KeePassXC) or in KWallet.</source>
        <translation>Geheimnisse werden im Secret Service (zum Beispiel GNOME Keyring oder KeePassXC) oder in KWallet aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>td::ui::AppController</name>
    <message>
        <source>Keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>Demo sandbox</source>
        <translation>Demo-Sandbox</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The key pin must be the base64 of a SHA-256 digest (32 bytes).</source>
        <translation>Der Schlüssel-Pin muss ein Base64-kodierter SHA-256-Hashwert (32 Byte) sein.</translation>
    </message>
    <message>
        <source>No remembered login could be read: %1 Enter your password.</source>
        <translation>Die gespeicherte Anmeldung konnte nicht gelesen werden: %1 Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>You have logged out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
    <message>
        <source>Restart demo server</source>
        <translation>Demo-Server neu starten</translation>
    </message>
    <message>
        <source>Starting the local demo server…</source>
        <translation>Der lokale Demo-Server wird gestartet…</translation>
    </message>
    <message>
        <source>Restart it to go on with a fresh sandbox.</source>
        <translation>Starten Sie ihn neu, um mit einer frischen Sandbox weiterzuarbeiten.</translation>
    </message>
    <message>
        <source>Signing in to the demo server…</source>
        <translation>Anmeldung am Demo-Server…</translation>
    </message>
    <message>
        <source>Expiring credential</source>
        <translation>Ablaufender Zugang</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; belongs to the connection &quot;%3&quot;, and TokenDesk is signed in to &quot;%4&quot;. To open it, log out and sign in to &quot;%3&quot;.</source>
        <translation>%1 „%2“ gehört zur Verbindung „%3“, TokenDesk ist aber bei „%4“ angemeldet. Um es zu öffnen, melden Sie sich ab und bei „%3“ an.</translation>
    </message>
    <message>
        <source>Sign in to &quot;%1&quot; to open &quot;%2&quot;.</source>
        <translation>Melden Sie sich bei „%1“ an, um „%2“ zu öffnen.</translation>
    </message>
    <message>
        <source>Your password is set. Sign in as %1 with it.</source>
        <translation>Ihr Passwort ist gesetzt. Melden Sie sich damit als %1 an.</translation>
    </message>
</context>
<context>
    <name>td::ui::AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Load &amp;older events</source>
        <translation>Ältere Ereignisse &amp;laden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Aktionsfilter</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Sign-ins and sessions</source>
        <translation>Anmeldungen und Sitzungen</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>Fehlgeschlagene Anmeldungen</translation>
    </message>
    <message>
        <source>Refused requests</source>
        <translation>Abgelehnte Anfragen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Rotated</source>
        <translation>Rotiert</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Tokens inspected</source>
        <translation>Geprüfte Tokens</translation>
    </message>
    <message>
        <source>All credentials: type a name or key to pick one</source>
        <translation>Alle Zugangsdaten: Namen oder Schlüssel eingeben, um einen auszuwählen</translation>
    </message>
    <message>
        <source>Credential filter</source>
        <translation>Zugangsdatenfilter</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebiger Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Zwischen…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>The end of the time range must be after its start.</source>
        <translation>Das Ende des Zeitraums muss nach seinem Beginn liegen.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
</context>
<context>
    <name>td::ui::Banner</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>td::ui::ConnectionsDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>The servers TokenDesk connects to. A connection is kept once its first sign-in has worked.</source>
        <translation>Die Server, mit denen sich TokenDesk verbindet. Eine Verbindung wird gespeichert, sobald ihre erste Anmeldung geklappt hat.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (Kopie %2)</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Delete the connection &quot;%1&quot;? Its remembered login and stored token are deleted from the system keychain too.</source>
        <translation>Die Verbindung „%1“ löschen? Ihre gemerkte Anmeldung und ihr gespeichertes Token werden auch aus dem Schlüsselbund des Systems gelöscht.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>td::ui::CredentialAuditView</name>
    <message>
        <source>Audit events of this credential</source>
        <translation>Audit-Ereignisse dieses Zugangs</translation>
    </message>
    <message>
        <source>Open in the audit log</source>
        <translation>Im Audit-Protokoll öffnen</translation>
    </message>
    <message>
        <source>Select one credential to see its audit events.</source>
        <translation>Wählen Sie einen Zugang, um seine Audit-Ereignisse zu sehen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), the newest first.</source>
        <translation>
            <numerusform>%n Ereignis, das neueste zuerst.</numerusform>
            <numerusform>%n Ereignisse, die neuesten zuerst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %n events; the audit log has all of them.</source>
        <translation>
            <numerusform>Das neueste %n Ereignis; das Audit-Protokoll enthält alle.</numerusform>
            <numerusform>Die neuesten %n Ereignisse; das Audit-Protokoll enthält alle.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::CredentialsPage</name>
    <message>
        <source>&amp;Generate…</source>
        <translation>&amp;Generieren…</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation>&amp;Rotieren…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Search name, prefix, scope, address… (Ctrl+F)</source>
        <translation>Name, Präfix, Berechtigungsumfang, Adresse suchen… (Strg+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n item(s)…</source>
        <translation>
            <numerusform>%n Eintrag geladen…</numerusform>
            <numerusform>%n Einträge geladen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Private tokens can only be created after logging in with a password, not with a stored token.</source>
        <translation>Private Tokens können nur nach einer Anmeldung mit Passwort erstellt werden, nicht mit einem gespeicherten Token.</translation>
    </message>
    <message>
        <source>Generated &quot;%1&quot;.</source>
        <translation>„%1“ generiert.</translation>
    </message>
    <message>
        <source>Rotated &quot;%1&quot;.</source>
        <translation>„%1“ rotiert.</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer Eintrag</numerusform>
            <numerusform>und %n weitere Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n credential(s)? Every request made with them fails from now on; this cannot be undone.</source>
        <translation>
            <numerusform>%n Berechtigungsnachweis widerrufen? Alle damit gestellten Anfragen schlagen ab sofort fehl; dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Berechtigungsnachweise widerrufen? Alle damit gestellten Anfragen schlagen ab sofort fehl; dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n credential(s).</source>
        <translation>
            <numerusform>%n Berechtigungsnachweis widerrufen.</numerusform>
            <numerusform>%n Berechtigungsnachweise widerrufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>%n Zeile nach %1 exportiert.</numerusform>
            <numerusform>%n Zeilen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an item to see its details.</source>
        <translation>Wählen Sie einen Eintrag aus, um seine Details zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n items selected.</source>
        <translation>
            <numerusform>%n Eintrag ausgewählt.</numerusform>
            <numerusform>%n Einträge ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Berechtigungsumfang</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>IP allowlist</source>
        <translation>IP-Zulassungsliste</translation>
    </message>
    <message>
        <source>Any address</source>
        <translation>Alle Adressen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>Ersetzt durch</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Copy &amp;ID</source>
        <translation>&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Show &amp;audit events</source>
        <translation>&amp;Audit-Ereignisse anzeigen</translation>
    </message>
    <message>
        <source>Det&amp;ails</source>
        <translation>Detail&amp;s</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling after the request in progress…</source>
        <translation>Wird nach der laufenden Anfrage abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <source>Revoked %1 of %n…</source>
        <translation>
            <numerusform>%1 von %n widerrufen…</numerusform>
            <numerusform>%1 von %n widerrufen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already revoked, skipped.</source>
        <translation>
            <numerusform>%n bereits widerrufen, übersprungen.</numerusform>
            <numerusform>%n bereits widerrufen, übersprungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n not revoked.</source>
        <translation>
            <numerusform>Abgebrochen: %n nicht widerrufen.</numerusform>
            <numerusform>Abgebrochen: %n nicht widerrufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not revoked.</source>
        <translation>
            <numerusform>%n nicht widerrufen.</numerusform>
            <numerusform>%n nicht widerrufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of those selected are already revoked and are skipped.</source>
        <translation>
            <numerusform>%n der Ausgewählten ist bereits widerrufen und wird übersprungen.</numerusform>
            <numerusform>%n der Ausgewählten sind bereits widerrufen und werden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Generate one (%1)</source>
        <translation>Jetzt erzeugen (%1)</translation>
    </message>
    <message>
        <source>No match for &quot;%1&quot;.</source>
        <translation>Kein Treffer für „%1“.</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Nothing has the status &quot;%1&quot;.</source>
        <translation>Nichts hat den Status „%1“.</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>Ablehnungen</translation>
    </message>
    <message>
        <source>Select one credential to see how it is used.</source>
        <translation>Wählen Sie einen Eintrag, um seine Nutzung zu sehen.</translation>
    </message>
    <message>
        <source>Select one credential to see its refused requests.</source>
        <translation>Wählen Sie einen Eintrag, um seine abgelehnten Anfragen zu sehen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Stop or restart the credential without revoking it</source>
        <translation>Den Zugang anhalten oder wieder starten, ohne ihn zu widerrufen</translation>
    </message>
    <message>
        <source>Suspended &quot;%1&quot;.</source>
        <translation>„%1“ pausiert.</translation>
    </message>
    <message>
        <source>Resumed &quot;%1&quot;.</source>
        <translation>„%1“ fortgesetzt.</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Suspend %1? Requests made with it are refused until it is resumed; nothing else changes, and it can be resumed at any time.</source>
        <translation>%1 pausieren? Anfragen damit werden abgelehnt, bis er fortgesetzt wird; sonst ändert sich nichts, und er kann jederzeit fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) per %1 s</source>
        <translation>
            <numerusform>%n Anfrage pro %1 s</numerusform>
            <numerusform>%n Anfragen pro %1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>None of its own</source>
        <translation>Kein eigenes</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Owner filter</source>
        <translation>Inhaberfilter</translation>
    </message>
    <message>
        <source>%1 owns none of these.</source>
        <translation>Keine Einträge für „%1“.</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
</context>
<context>
    <name>td::ui::DrainWatch</name>
    <message>
        <source>End grace now</source>
        <translation>Übergangsfrist jetzt beenden</translation>
    </message>
    <message>
        <source>Extend grace…</source>
        <translation>Übergangsfrist verlängern…</translation>
    </message>
    <message>
        <source>Nobody has used the old key since the rotation; its grace ends %1. You can end it now.</source>
        <translation>Niemand hat den alten Schlüssel seit der Rotation benutzt; seine Übergangsfrist endet am %1. Sie können sie jetzt beenden.</translation>
    </message>
    <message>
        <source>Still calling: %1.</source>
        <translation>Ruft noch an: %1.</translation>
    </message>
    <message>
        <source>Old key still used: %1 from %2 (%3 since the rotation); its grace ends %4.</source>
        <translation>Alter Schlüssel noch in Gebrauch: %1 von %2 (%3 seit der Rotation); seine Übergangsfrist endet am %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the last hour</source>
        <translation>
            <numerusform>%n Anfrage in der letzten Stunde</numerusform>
            <numerusform>%n Anfragen in der letzten Stunde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n Adresse</numerusform>
            <numerusform>%n Adressen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>This credential was rotated and still works until its grace ends. Reading who still uses it…</source>
        <translation>Dieser Zugang wurde rotiert und funktioniert bis zum Ende seiner Übergangsfrist. Es wird gelesen, wer ihn noch benutzt…</translation>
    </message>
    <message>
        <source>Who still uses the old key could not be read. %1</source>
        <translation>Wer den alten Schlüssel noch benutzt, konnte nicht gelesen werden. %1</translation>
    </message>
    <message>
        <source>End the grace of %1 now? Every request still made with the old key fails from now on; its successor keeps working.</source>
        <translation>Die Übergangsfrist von %1 jetzt beenden? Jede Anfrage mit dem alten Schlüssel schlägt ab sofort fehl; sein Nachfolger funktioniert weiter.</translation>
    </message>
    <message>
        <source>End grace</source>
        <translation>Übergangsfrist beenden</translation>
    </message>
    <message>
        <source>Extend grace</source>
        <translation>Übergangsfrist verlängern</translation>
    </message>
    <message>
        <source>Until when should the old key of %1 keep working? At most until %2.</source>
        <translation>Bis wann soll der alte Schlüssel von %1 weiter funktionieren? Höchstens bis %2.</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Verlängern</translation>
    </message>
    <message>
        <source>The grace could not be changed. %1</source>
        <translation>Die Übergangsfrist konnte nicht geändert werden. %1</translation>
    </message>
</context>
<context>
    <name>td::ui::ExpiryChooser</name>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Custom expiry date</source>
        <translation>Eigenes Ablaufdatum</translation>
    </message>
    <message>
        <source>It never expires: it works until someone revokes it. Prefer an expiry, and rotate it before then.</source>
        <translation>Es läuft nie ab: Es funktioniert, bis jemand es widerruft. Wählen Sie besser ein Ablaufdatum und rotieren Sie vorher.</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 Tage</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>Custom date</source>
        <translation>Eigenes Datum</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message numerus="yes">
        <source>Same lifetime as before (%n day(s))</source>
        <translation>
            <numerusform>Dieselbe Laufzeit wie bisher (%n Tag)</numerusform>
            <numerusform>Dieselbe Laufzeit wie bisher (%n Tage)</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a date in the future.</source>
        <translation>Wählen Sie ein Datum in der Zukunft.</translation>
    </message>
    <message>
        <source>Choose a date no later than %1.</source>
        <translation>Wählen Sie ein Datum bis spätestens %1.</translation>
    </message>
    <message>
        <source>Expires %1 (%2), as long after now as the old one lived.</source>
        <translation>Läuft am %1 ab (%2) – so lange ab jetzt, wie das alte bestand.</translation>
    </message>
    <message>
        <source>Valid through %1 (UTC): it stops working at %2, your time.</source>
        <translation>Gültig bis einschließlich %1 (UTC): Es funktioniert nicht mehr ab %2 (Ihre Zeit).</translation>
    </message>
    <message>
        <source>Expires %1 (%2).</source>
        <translation>Läuft am %1 ab (%2).</translation>
    </message>
</context>
<context>
    <name>td::ui::ExpiryPage</name>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Expiring &amp;within:</source>
        <translation>Ablauf &amp;innerhalb von:</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Zeitraum</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Credentials expiring soon</source>
        <translation>Bald ablaufende Berechtigungsnachweise</translation>
    </message>
    <message>
        <source>Double-click a row to open it on its page.</source>
        <translation>Doppelklicken Sie auf eine Zeile, um sie auf ihrer Seite zu öffnen.</translation>
    </message>
</context>
<context>
    <name>td::ui::ExpiryTimeline</name>
    <message>
        <source>Credentials expiring per week</source>
        <translation>Ablaufende Zugangsdaten pro Woche</translation>
    </message>
    <message numerus="yes">
        <source>Week of %1: %n expiring</source>
        <translation>
            <numerusform>Woche ab %1: %n läuft ab</numerusform>
            <numerusform>Woche ab %1: %n laufen ab</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::GenerateDialog</name>
    <message>
        <source>What uses it, e.g. &quot;Warehouse sync&quot;</source>
        <translation>Verwendungszweck, z. B. „Lagersynchronisation“</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>&amp;Permissions:</source>
        <translation>Be&amp;rechtigungen:</translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation>Berechtigungs&amp;umfang:</translation>
    </message>
    <message>
        <source>&amp;Valid until:</source>
        <translation>Gültig b&amp;is:</translation>
    </message>
    <message>
        <source>&amp;Expires:</source>
        <translation>Ab&amp;lauf:</translation>
    </message>
    <message>
        <source>IP allowlist</source>
        <translation>IP-Zulassungsliste</translation>
    </message>
    <message>
        <source>One address or network per line, e.g. 10.20.0.0/16 or 2001:db8::/32.
Empty: any address.</source>
        <translation>Eine Adresse oder ein Netzwerk pro Zeile, z. B. 10.20.0.0/16 oder 2001:db8::/32.
Leer: alle Adressen.</translation>
    </message>
    <message>
        <source>&amp;IP allowlist:</source>
        <translation>IP-&amp;Zulassungsliste:</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generieren</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>Choose at least one permission.</source>
        <translation>Wählen Sie mindestens eine Berechtigung aus.</translation>
    </message>
    <message>
        <source>Choose at least one scope.</source>
        <translation>Wählen Sie mindestens einen Berechtigungsumfang aus.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Fix the IP allowlist.</source>
        <translation>Korrigieren Sie die IP-Zulassungsliste.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Wird generiert…</translation>
    </message>
    <message>
        <source>The server refused some fields; see the messages above.</source>
        <translation>Der Server hat einige Felder abgelehnt; siehe die Meldungen oben.</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>At &amp;most</source>
        <translation>Hö&amp;chstens</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>Pro</translation>
    </message>
    <message>
        <source>requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <source>requests per hour</source>
        <translation>Anfragen pro Stunde</translation>
    </message>
    <message>
        <source>requests per day</source>
        <translation>Anfragen pro Tag</translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation>Ra&amp;tenlimit:</translation>
    </message>
    <message numerus="yes">
        <source>requests per %n second(s)</source>
        <translation>
            <numerusform>Anfragen pro %n Sekunde</numerusform>
            <numerusform>Anfragen pro %n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::InspectorPage</name>
    <message>
        <source>Paste an API key, UAT, private token, refresh token or session JWT. It is checked on this computer first; &quot;Check on server&quot; asks the server whether it is active. The token is not stored and not shown again.</source>
        <translation>Fügen Sie einen API-Schlüssel, ein UAT, ein privates Token, ein Refresh-Token oder ein Sitzungs-JWT ein. Es wird zuerst auf diesem Computer geprüft; „Auf dem Server prüfen“ fragt den Server, ob es aktiv ist. Das Token wird weder gespeichert noch erneut angezeigt.</translation>
    </message>
    <message>
        <source>Paste a token</source>
        <translation>Token einfügen</translation>
    </message>
    <message>
        <source>Token to inspect</source>
        <translation>Zu prüfendes Token</translation>
    </message>
    <message>
        <source>&amp;Check on server</source>
        <translation>Auf dem &amp;Server prüfen</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Well formed</source>
        <translation>Wohlgeformt</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Not verified here: only the server holds the key. Use &quot;Check on server&quot;.</source>
        <translation>Hier nicht geprüft: Nur der Server besitzt den Schlüssel. Verwenden Sie „Auf dem Server prüfen“.</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Server wird abgefragt…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Not active</source>
        <translation>Nicht aktiv</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Berechtigungsumfang</translation>
    </message>
    <message>
        <source>Unknown here: it may belong to another tenant, or never have existed.</source>
        <translation>Hier unbekannt: Es gehört möglicherweise zu einem anderen Mandanten oder hat nie existiert.</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message numerus="yes">
        <source>Its last %n refused request(s)</source>
        <translation>
            <numerusform>Seine letzte (%n) abgelehnte Anfrage</numerusform>
            <numerusform>Seine letzten %n abgelehnten Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>No request with it was refused in the last 90 days.</source>
        <translation>In den letzten 90 Tagen wurde keine Anfrage damit abgelehnt.</translation>
    </message>
</context>
<context>
    <name>td::ui::InvitePersonDialog</name>
    <message>
        <source>Invite a person</source>
        <translation>Person einladen</translation>
    </message>
    <message>
        <source>Someone new to this server gets an account without a password and a setup token, shown once, with which they choose their own password. Someone who has an account here already is added to this tenant.</source>
        <translation>Wer neu auf diesem Server ist, erhält ein Konto ohne Passwort und ein Einrichtungstoken, das nur einmal angezeigt wird und mit dem die Person ihr eigenes Passwort festlegt. Wer hier bereits ein Konto hat, wird diesem Mandanten hinzugefügt.</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>Member: manages their own UATs and private tokens</source>
        <translation>Mitglied: verwaltet die eigenen UATs und privaten Tokens</translation>
    </message>
    <message>
        <source>Admin: manages every credential and person of this tenant</source>
        <translation>Administrator: verwaltet alle Zugangsdaten und Personen dieses Mandanten</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Optional: the part of the address before @</source>
        <translation>Optional: der Teil der Adresse vor dem @</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Einladen</translation>
    </message>
    <message>
        <source>Enter the person&apos;s e-mail address.</source>
        <translation>Geben Sie die E-Mail-Adresse der Person ein.</translation>
    </message>
</context>
<context>
    <name>td::ui::LoginDialog</name>
    <message>
        <source>Connect to an API</source>
        <translation>Mit einer API verbinden</translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>Verbindungsprofil</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Anmeldeverfahren</translation>
    </message>
    <message>
        <source>E-mail and password</source>
        <translation>E-Mail-Adresse und Passwort</translation>
    </message>
    <message>
        <source>Stored admin API key</source>
        <translation>Gespeicherter Admin-API-Schlüssel</translation>
    </message>
    <message>
        <source>Stored private token</source>
        <translation>Gespeichertes privates Token</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation>Passwort oder Token</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer (in the system keychain)</source>
        <translation>Anmeldung auf diesem Computer me&amp;rken (im Schlüsselbund des Systems)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Default tenant</source>
        <translation>Standardmandant</translation>
    </message>
    <message>
        <source>Default &amp;tenant:</source>
        <translation>Standardman&amp;dant:</translation>
    </message>
    <message>
        <source>optional PEM file of a private CA</source>
        <translation>Optional: PEM-Datei einer privaten CA</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>optional SHA-256 of the server&apos;s public key, base64</source>
        <translation>Optional: SHA-256 des öffentlichen Serverschlüssels, Base64</translation>
    </message>
    <message>
        <source>Public key pin</source>
        <translation>Pin des öffentlichen Schlüssels</translation>
    </message>
    <message>
        <source>Key p&amp;in:</source>
        <translation>Schlüssel-P&amp;in:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>New connection…</source>
        <translation>Neue Verbindung…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>&amp;Token (empty: use the stored one):</source>
        <translation>&amp;Token (leer: gespeichertes verwenden):</translation>
    </message>
    <message>
        <source>Enter your e-mail address.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>Edit connection &quot;%1&quot;</source>
        <translation>Verbindung „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; exists already: choose it under Profile, or give this one another name.</source>
        <translation>Eine Verbindung namens „%1“ gibt es schon: Wählen Sie sie unter Profil, oder geben Sie dieser einen anderen Namen.</translation>
    </message>
    <message>
        <source>Choose the environment: production, staging or development.</source>
        <translation>Wählen Sie die Umgebung: Produktion, Vorproduktion oder Entwicklung.</translation>
    </message>
    <message>
        <source>Sign in wit&amp;h:</source>
        <translation>Anmelden &amp;mit:</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Days ahead to notify of expiring credentials</source>
        <translation>Tage im Voraus, an denen vor ablaufenden Zugangsdaten gewarnt wird</translation>
    </message>
    <message>
        <source>A desktop notification for each credential of this connection that expires within this many days, checked at start and every hour while TokenDesk runs. It signs in only with what the system keychain holds: a remembered login or a stored token.</source>
        <translation>Eine Desktop-Benachrichtigung für jeden Zugang dieser Verbindung, der innerhalb so vieler Tage abläuft; geprüft beim Start und stündlich, solange TokenDesk läuft. Angemeldet wird nur mit dem, was der Schlüsselbund des Systems enthält: einer gemerkten Anmeldung oder einem gespeicherten Token.</translation>
    </message>
    <message>
        <source>Notify me about credentials e&amp;xpiring within</source>
        <translation>&amp;Benachrichtigen, wenn Zugangsdaten ablaufen in höchstens</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <comment>after a number</comment>
        <translation>
            <numerusform>Tag</numerusform>
            <numerusform>Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Without &quot;Remember me&quot; this connection is checked for expiring credentials only while TokenDesk is signed in to it.</source>
        <translation>Ohne „Anmeldung merken“ wird diese Verbindung nur auf ablaufende Zugangsdaten geprüft, solange TokenDesk bei ihr angemeldet ist.</translation>
    </message>
    <message>
        <source>Set &amp;up a new account…</source>
        <translation>&amp;Konto einrichten…</translation>
    </message>
    <message>
        <source>You were invited and have a setup token: choose your password.</source>
        <translation>Sie wurden eingeladen und haben ein Einrichtungstoken: Wählen Sie Ihr Passwort.</translation>
    </message>
    <message>
        <source>Set up your account</source>
        <translation>Konto einrichten</translation>
    </message>
    <message>
        <source>An admin invited you and gave you a setup token. Choose your password for %1; the token works once, within 72 hours of the invitation.</source>
        <translation>Ein Administrator hat Sie eingeladen und Ihnen ein Einrichtungstoken gegeben. Wählen Sie Ihr Passwort für %1; das Token gilt einmal, innerhalb von 72 Stunden nach der Einladung.</translation>
    </message>
    <message>
        <source>the server above</source>
        <translation>den Server oben</translation>
    </message>
    <message>
        <source>Setup &amp;token:</source>
        <translation>Einrichtungs&amp;token:</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Neues &amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Passwort setzen</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address in the sign-in form first.</source>
        <translation>Geben Sie zuerst die Serveradresse im Anmeldeformular ein.</translation>
    </message>
    <message>
        <source>Paste the setup token.</source>
        <translation>Fügen Sie das Einrichtungstoken ein.</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>Das Passwort braucht mindestens %n Zeichen.</numerusform>
            <numerusform>Das Passwort braucht mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Setting your password…</source>
        <translation>Ihr Passwort wird gesetzt…</translation>
    </message>
</context>
<context>
    <name>td::ui::MainWindow</name>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Umgebung: %1</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>TokenDesk — %1</source>
        <translation>TokenDesk — %1</translation>
    </message>
    <message>
        <source>Token without expiry</source>
        <translation>Token ohne Ablaufdatum</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Session renews %1</source>
        <translation>Sitzung wird %1 erneuert</translation>
    </message>
    <message>
        <source>Token expires %1</source>
        <translation>Token läuft %1 ab</translation>
    </message>
    <message>
        <source>Expiry overview</source>
        <translation>Ablaufübersicht</translation>
    </message>
    <message>
        <source>Token Inspector</source>
        <translation>Token-Inspektor</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About TokenDesk</source>
        <translation>Ü&amp;ber TokenDesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>The language changes the next time TokenDesk starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von TokenDesk.</translation>
    </message>
    <message>
        <source>Signed in with a token</source>
        <translation>Mit einem Token angemeldet</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n item(s)</source>
        <translation>
            <numerusform>%1 von %n Eintrag</numerusform>
            <numerusform>%1 von %n Einträgen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n Eintrag</numerusform>
            <numerusform>%1: %n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expiring within 7 days</source>
        <translation>
            <numerusform>%n läuft in 7 Tagen ab</numerusform>
            <numerusform>%n laufen in 7 Tagen ab</numerusform>
        </translation>
    </message>
    <message>
        <source>The overview is incomplete: %1 could not be loaded. %2</source>
        <translation>Die Übersicht ist unvollständig: %1 konnten nicht geladen werden. %2</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>Risk review</source>
        <translation>Risikoprüfung</translation>
    </message>
    <message>
        <source>Calendar &amp;feed…</source>
        <translation>&amp;Kalender-Feed…</translation>
    </message>
    <message>
        <source>Calendar feed</source>
        <translation>Kalender-Feed</translation>
    </message>
    <message>
        <source>Create a calendar feed of this tenant&apos;s expiries? Calendar apps (Outlook, Google Calendar, Apple Calendar, Thunderbird) subscribe to its address and remind you 7 days and 1 day before each credential expires.

The address holds a new API key that can read the calendar and nothing else. It is shown once; revoke the key &quot;Calendar feed&quot; on the API keys page to end the feed.</source>
        <translation>Einen Kalender-Feed der Abläufe dieses Mandanten anlegen? Kalender-Apps (Outlook, Google Kalender, Apple Kalender, Thunderbird) abonnieren seine Adresse und erinnern 7 Tage und 1 Tag vor jedem Ablauf.

Die Adresse enthält einen neuen API-Schlüssel, der den Kalender lesen kann und sonst nichts. Sie wird einmal angezeigt; widerrufen Sie den Schlüssel „Kalender-Feed“ auf der Seite der API-Schlüssel, um den Feed zu beenden.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Read-only expiry calendar, subscribed to by a calendar app</source>
        <translation>Nur lesbarer Ablaufkalender, von einer Kalender-App abonniert</translation>
    </message>
    <message>
        <source>The credential is no longer listed: it was deleted, or belongs to another tenant.</source>
        <translation>Der Zugang ist nicht mehr aufgeführt: Er wurde gelöscht oder gehört zu einem anderen Mandanten.</translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation>&amp;Benachrichtigungen…</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
</context>
<context>
    <name>td::ui::NotificationEndpointEditor</name>
    <message>
        <source>Edit notification endpoint</source>
        <translation>Benachrichtigungsziel bearbeiten</translation>
    </message>
    <message>
        <source>Add notification endpoint</source>
        <translation>Benachrichtigungsziel hinzufügen</translation>
    </message>
    <message>
        <source>e.g. On-call channel</source>
        <translation>z. B. Bereitschaftskanal</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation>Unverändert: %1</translation>
    </message>
    <message>
        <source>https://hooks.slack.com/services/…</source>
        <translation>https://hooks.slack.com/services/…</translation>
    </message>
    <message>
        <source>https:// address; http:// only to this machine (127.0.0.1, localhost).</source>
        <translation>https://-Adresse; http:// nur zu diesem Rechner (127.0.0.1, localhost).</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>JSON (the event, for your own service)</source>
        <translation>JSON (das Ereignis, für Ihren eigenen Dienst)</translation>
    </message>
    <message>
        <source>Slack (incoming webhook text)</source>
        <translation>Slack (Text für einen Incoming Webhook)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>E&amp;xpiring, days before:</source>
        <translation>Läuft a&amp;b, Tage vorher:</translation>
    </message>
    <message>
        <source>Ex&amp;pired</source>
        <translation>Abgela&amp;ufen</translation>
    </message>
    <message>
        <source>&amp;Revoked</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>R&amp;otated</source>
        <translation>Ers&amp;etzt (rotiert)</translation>
    </message>
    <message>
        <source>Refused &amp;10 times or more in 24 hours</source>
        <translation>&amp;10-mal oder öfter in 24 Stunden abgewiesen</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Ereignisse:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Days before</source>
        <translation>Tage vorher</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Give the endpoint a name.</source>
        <translation>Geben Sie dem Ziel einen Namen.</translation>
    </message>
    <message>
        <source>Enter the address that receives the notifications.</source>
        <translation>Geben Sie die Adresse ein, die die Benachrichtigungen empfängt.</translation>
    </message>
    <message>
        <source>Choose at least one event.</source>
        <translation>Wählen Sie mindestens ein Ereignis.</translation>
    </message>
    <message>
        <source>Choose when to announce an expiry.</source>
        <translation>Wählen Sie, wann ein Ablauf angekündigt wird.</translation>
    </message>
</context>
<context>
    <name>td::ui::NotificationsDialog</name>
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed, no more retries</source>
        <translation>Fehlgeschlagen, keine weiteren Versuche</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Retrying at %1</source>
        <translation>Neuer Versuch um %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Rotated</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>Refused often</source>
        <translation>Oft abgewiesen</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Events about this tenant&apos;s credentials are posted to these addresses: a chat channel (Slack format) or your own service (JSON, signed with the endpoint&apos;s secret in X-TokenDesk-Signature). Failed deliveries are retried for a day.</source>
        <translation>Ereignisse zu den Zugangsdaten dieses Mandanten werden an diese Adressen gesendet: einen Chat-Kanal (Slack-Format) oder Ihren eigenen Dienst (JSON, signiert mit dem Geheimnis des Ziels in X-TokenDesk-Signature). Fehlgeschlagene Zustellungen werden einen Tag lang wiederholt.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation>&amp;Test senden</translation>
    </message>
    <message>
        <source>New &amp;secret…</source>
        <translation>Neues &amp;Geheimnis…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message numerus="yes">
        <source>A tenant has at most %n notification endpoint(s).</source>
        <translation>
            <numerusform>Ein Mandant hat höchstens %n Benachrichtigungsziel.</numerusform>
            <numerusform>Ein Mandant hat höchstens %n Benachrichtigungsziele.</numerusform>
        </translation>
    </message>
    <message>
        <source>The notification endpoints could not be loaded: %1</source>
        <translation>Die Benachrichtigungsziele konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Expiring (%1 days before)</source>
        <translation>Läuft ab (%1 Tage vorher)</translation>
    </message>
    <message>
        <source>No endpoints yet: add one to be told when credentials expire, are revoked or are refused.</source>
        <translation>Noch keine Ziele: Fügen Sie eines hinzu, um zu erfahren, wann Zugangsdaten ablaufen, widerrufen oder abgewiesen werden.</translation>
    </message>
    <message>
        <source>Deliveries could not be loaded: %1</source>
        <translation>Die Zustellungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No deliveries to &quot;%1&quot; yet.</source>
        <translation>Noch keine Zustellungen an „%1“.</translation>
    </message>
    <message>
        <source>Last deliveries to &quot;%1&quot;:</source>
        <translation>Letzte Zustellungen an „%1“:</translation>
    </message>
    <message numerus="yes">
        <source>%n ms</source>
        <translation>
            <numerusform>%n ms</numerusform>
            <numerusform>%n ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Added &quot;%1&quot;. Send a test to check that it arrives.</source>
        <translation>„%1“ hinzugefügt. Senden Sie einen Test, um zu prüfen, ob er ankommt.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>A test notification to &quot;%1&quot; is on its way; its delivery appears below.</source>
        <translation>Eine Testbenachrichtigung an „%1“ ist unterwegs; ihre Zustellung erscheint unten.</translation>
    </message>
    <message>
        <source>New signing secret</source>
        <translation>Neues Signaturgeheimnis</translation>
    </message>
    <message>
        <source>Make a new signing secret for &quot;%1&quot;? The current one stops at once: the receiver must be given the new one, or it will reject every notification.</source>
        <translation>Ein neues Signaturgeheimnis für „%1“ erzeugen? Das bisherige gilt sofort nicht mehr: Der Empfänger braucht das neue, sonst weist er jede Benachrichtigung ab.</translation>
    </message>
    <message>
        <source>Make new secret</source>
        <translation>Neues Geheimnis erzeugen</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>Ziel löschen</translation>
    </message>
    <message>
        <source>Delete the notification endpoint &quot;%1&quot;? Its pending deliveries are dropped and it receives nothing more.</source>
        <translation>Das Benachrichtigungsziel „%1“ löschen? Seine ausstehenden Zustellungen verfallen, und es erhält nichts mehr.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Signaturgeheimnis</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Zugangsdaten</translation>
    </message>
</context>
<context>
    <name>td::ui::PeoplePage</name>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation>&amp;Einladen…</translation>
    </message>
    <message>
        <source>Make &amp;admin…</source>
        <translation>Zum &amp;Administrator machen…</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>&amp;Deaktivieren…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>Ent&amp;fernen…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>The credentials this person owns or made: UATs, private tokens, API keys</source>
        <translation>Die Zugangsdaten, die dieser Person gehören oder die sie erstellt hat: UATs, private Tokens, API-Schlüssel</translation>
    </message>
    <message>
        <source>Re&amp;voke a person&apos;s UATs and private tokens when they are disabled or removed</source>
        <translation>UATs und private Tokens einer Person &amp;widerrufen, wenn sie deaktiviert oder entfernt wird</translation>
    </message>
    <message>
        <source>Not loaded yet.</source>
        <translation>Noch nicht geladen.</translation>
    </message>
    <message>
        <source>Reading the people of this tenant…</source>
        <translation>Die Personen dieses Mandanten werden gelesen…</translation>
    </message>
    <message>
        <source>The people could not be read. %1</source>
        <translation>Die Personen konnten nicht gelesen werden. %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
    <message>
        <source>%1, user name %2</source>
        <translation>%1, Benutzername %2</translation>
    </message>
    <message>
        <source>Disabled since %1</source>
        <translation>Deaktiviert seit %1</translation>
    </message>
    <message>
        <source>Invited; has not set a password yet</source>
        <translation>Eingeladen; hat noch kein Passwort festgelegt</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s).</source>
        <translation>
            <numerusform>%n Person.</numerusform>
            <numerusform>%n Personen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invited.</source>
        <translation>
            <numerusform>%n eingeladen.</numerusform>
            <numerusform>%n eingeladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disabled.</source>
        <translation>
            <numerusform>%n deaktiviert.</numerusform>
            <numerusform>%n deaktiviert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Make &amp;member…</source>
        <translation>Zum &amp;Mitglied machen…</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>A&amp;ktivieren</translation>
    </message>
    <message>
        <source>This is you: another admin must change your membership.</source>
        <translation>Das sind Sie: Ihre Mitgliedschaft kann nur ein anderer Administrator ändern.</translation>
    </message>
    <message>
        <source>Take admin from this person and from their tokens</source>
        <translation>Dieser Person und ihren Tokens die Administratorrechte entziehen</translation>
    </message>
    <message>
        <source>Let this person manage every credential and person of this tenant</source>
        <translation>Diese Person alle Zugangsdaten und Personen dieses Mandanten verwalten lassen</translation>
    </message>
    <message>
        <source>An invited person has not signed in yet: remove the invitation instead</source>
        <translation>Eine eingeladene Person hat sich noch nicht angemeldet: Entfernen Sie stattdessen die Einladung</translation>
    </message>
    <message>
        <source>Let this person sign in again</source>
        <translation>Diese Person wieder anmelden lassen</translation>
    </message>
    <message>
        <source>End this person&apos;s sessions and stop their tokens</source>
        <translation>Die Sitzungen dieser Person beenden und ihre Tokens sperren</translation>
    </message>
    <message>
        <source>Remove this person from the tenant</source>
        <translation>Diese Person aus dem Mandanten entfernen</translation>
    </message>
    <message>
        <source>Invite someone to this tenant by e-mail</source>
        <translation>Jemanden anhand der E-Mail-Adresse zu diesem Mandanten einladen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Their tokens are revoked outright: enabling or adding the person again does not bring them back. API keys a person made stay either way: they belong to the tenant.</source>
        <translation>Die Tokens der Person werden endgültig widerrufen: Eine erneute Aktivierung oder ein erneutes Hinzufügen der Person stellt sie nicht wieder her. API-Schlüssel, die eine Person erstellt hat, bleiben in jedem Fall bestehen: Sie gehören dem Mandanten.</translation>
    </message>
    <message>
        <source>Otherwise their tokens only stop working while the person is disabled or removed, and work again when they are enabled. API keys a person made stay either way: they belong to the tenant.</source>
        <translation>Andernfalls sind die Tokens der Person nur gesperrt, solange sie deaktiviert oder entfernt ist, und funktionieren wieder, sobald sie aktiviert wird. API-Schlüssel, die eine Person erstellt hat, bleiben in jedem Fall bestehen: Sie gehören dem Mandanten.</translation>
    </message>
    <message>
        <source>The setting could not be changed. %1</source>
        <translation>Die Einstellung konnte nicht geändert werden. %1</translation>
    </message>
    <message>
        <source>From now on, disabling or removing a person revokes their UATs and private tokens.</source>
        <translation>Ab jetzt werden beim Deaktivieren oder Entfernen einer Person ihre UATs und privaten Tokens widerrufen.</translation>
    </message>
    <message>
        <source>From now on, a person&apos;s UATs and private tokens only stop working while they are disabled or removed.</source>
        <translation>Ab jetzt sind die UATs und privaten Tokens einer Person nur gesperrt, solange sie deaktiviert oder entfernt ist.</translation>
    </message>
    <message>
        <source>The invitation failed. %1</source>
        <translation>Die Einladung ist fehlgeschlagen. %1</translation>
    </message>
    <message>
        <source>Invited %1 (%2). Send them the setup token and this server&apos;s address; the token works once, until %3.</source>
        <translation>%1 (%2) eingeladen. Senden Sie der Person das Einrichtungstoken und die Adresse dieses Servers; das Token funktioniert einmal, bis %3.</translation>
    </message>
    <message>
        <source>Added %1 (%2): they have an account on this server already and sign in with their own password.</source>
        <translation>%1 (%2) hinzugefügt: Die Person hat bereits ein Konto auf diesem Server und meldet sich mit ihrem eigenen Passwort an.</translation>
    </message>
    <message>
        <source>Setup token</source>
        <translation>Einrichtungstoken</translation>
    </message>
    <message>
        <source>Send this setup token to %1 together with the server&apos;s address, %2. With it they choose their own password (POST %2/api/v1/auth/setup); it works once, until %3. Then they sign in with their e-mail address and that password.</source>
        <translation>Senden Sie dieses Einrichtungstoken zusammen mit der Serveradresse %2 an %1. Damit legt die Person ihr eigenes Passwort fest (POST %2/api/v1/auth/setup); es funktioniert einmal, bis %3. Danach meldet sie sich mit ihrer E-Mail-Adresse und diesem Passwort an.</translation>
    </message>
    <message>
        <source>Reading the tokens of %1…</source>
        <translation>Die Tokens von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>The tokens of %1 could not be read. %2</source>
        <translation>Die Tokens von %1 konnten nicht gelesen werden. %2</translation>
    </message>
    <message>
        <source>%1 was changed meanwhile; the list is read again.</source>
        <translation>%1 wurde inzwischen geändert; die Liste wird neu gelesen.</translation>
    </message>
    <message>
        <source>The tenant&apos;s settings could not be read. %1</source>
        <translation>Die Einstellungen des Mandanten konnten nicht gelesen werden. %1</translation>
    </message>
    <message>
        <source>Disable person</source>
        <translation>Person deaktivieren</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Disable %1? Their sessions in this tenant end now, and they cannot sign in to it until you enable them again.</source>
        <translation>%1 deaktivieren? Die Sitzungen der Person in diesem Mandanten enden sofort, und sie kann sich dort erst wieder anmelden, wenn Sie sie wieder aktivieren.</translation>
    </message>
    <message>
        <source>They have no UATs or private tokens.</source>
        <translation>Die Person hat keine UATs oder privaten Tokens.</translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) are revoked; enabling them again does not bring them back:</source>
        <translation>
            <numerusform>%n Token der Person wird widerrufen; eine erneute Aktivierung stellt es nicht wieder her:</numerusform>
            <numerusform>%n Tokens der Person werden widerrufen; eine erneute Aktivierung stellt sie nicht wieder her:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) stop working until you enable them again:</source>
        <translation>
            <numerusform>%n Token der Person funktioniert nicht mehr, bis Sie sie wieder aktivieren:</numerusform>
            <numerusform>%n Tokens der Person funktionieren nicht mehr, bis Sie sie wieder aktivieren:</numerusform>
        </translation>
    </message>
    <message>
        <source>API keys they made stay: they belong to the tenant.</source>
        <translation>API-Schlüssel, die die Person erstellt hat, bleiben bestehen: Sie gehören dem Mandanten.</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Person entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from this tenant? They were invited and have not signed in yet; they will not be able to.</source>
        <translation>%1 aus diesem Mandanten entfernen? Die Person wurde eingeladen und hat sich noch nicht angemeldet; danach kann sie es nicht mehr.</translation>
    </message>
    <message>
        <source>Remove %1 from this tenant? Their sessions here end now, and they can no longer sign in to it.</source>
        <translation>%1 aus diesem Mandanten entfernen? Die Sitzungen der Person hier enden sofort, und sie kann sich dort nicht mehr anmelden.</translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) are revoked:</source>
        <translation>
            <numerusform>%n Token der Person wird widerrufen:</numerusform>
            <numerusform>%n Tokens der Person werden widerrufen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) stop working:</source>
        <translation>
            <numerusform>%n Token der Person funktioniert nicht mehr:</numerusform>
            <numerusform>%n Tokens der Person funktionieren nicht mehr:</numerusform>
        </translation>
    </message>
    <message>
        <source>API keys they made stay: they belong to the tenant, and the Risk review lists them as made by someone who left.</source>
        <translation>API-Schlüssel, die die Person erstellt hat, bleiben bestehen: Sie gehören dem Mandanten, und die Risikoprüfung führt sie als Schlüssel einer ausgeschiedenen Person auf.</translation>
    </message>
    <message>
        <source>Make member</source>
        <translation>Zum Mitglied machen</translation>
    </message>
    <message>
        <source>Make %1 a member? They can no longer manage this tenant&apos;s credentials and people; they keep managing their own UATs and private tokens.</source>
        <translation>%1 zum Mitglied machen? Die Person kann dann die Zugangsdaten und Personen dieses Mandanten nicht mehr verwalten; ihre eigenen UATs und privaten Tokens verwaltet sie weiterhin.</translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) lose admin at once:</source>
        <translation>
            <numerusform>%n Token der Person verliert sofort die Administratorrechte:</numerusform>
            <numerusform>%n Tokens der Person verlieren sofort die Administratorrechte:</numerusform>
        </translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Zum Administrator machen</translation>
    </message>
    <message>
        <source>Make %1 an admin? They can then manage every credential and every person of this tenant, and so can their tokens that hold admin.</source>
        <translation>%1 zum Administrator machen? Die Person kann dann alle Zugangsdaten und alle Personen dieses Mandanten verwalten, ebenso ihre Tokens mit Administratorrechten.</translation>
    </message>
    <message>
        <source>Changing %1…</source>
        <translation>%1 wird geändert…</translation>
    </message>
    <message>
        <source>%1 was not changed. %2</source>
        <translation>%1 wurde nicht geändert. %2</translation>
    </message>
    <message numerus="yes">
        <source>Disabled %1. Revoked their %n token(s): %2</source>
        <translation>
            <numerusform>%1 deaktiviert. %n Token widerrufen: %2</numerusform>
            <numerusform>%1 deaktiviert. %n Tokens widerrufen: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %1. Their %n token(s) stop working until they are enabled again: %2</source>
        <translation>
            <numerusform>%1 deaktiviert. %n Token der Person funktioniert nicht mehr, bis sie wieder aktiviert wird: %2</numerusform>
            <numerusform>%1 deaktiviert. %n Tokens der Person funktionieren nicht mehr, bis sie wieder aktiviert wird: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Disabled %1. They had no UATs or private tokens.</source>
        <translation>%1 deaktiviert. Die Person hatte keine UATs oder privaten Tokens.</translation>
    </message>
    <message numerus="yes">
        <source>Enabled %1. Their %n token(s) work again: %2</source>
        <translation>
            <numerusform>%1 aktiviert. %n Token der Person funktioniert wieder: %2</numerusform>
            <numerusform>%1 aktiviert. %n Tokens der Person funktionieren wieder: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation>%1 aktiviert.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 from the tenant. Revoked their %n token(s): %2</source>
        <translation>
            <numerusform>%1 aus dem Mandanten entfernt. %n Token widerrufen: %2</numerusform>
            <numerusform>%1 aus dem Mandanten entfernt. %n Tokens widerrufen: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 from the tenant. Their %n token(s) stopped working: %2</source>
        <translation>
            <numerusform>%1 aus dem Mandanten entfernt. %n Token der Person funktioniert nicht mehr: %2</numerusform>
            <numerusform>%1 aus dem Mandanten entfernt. %n Tokens der Person funktionieren nicht mehr: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed %1 from the tenant.</source>
        <translation>%1 aus dem Mandanten entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is a member now. Their %n token(s) lost admin: %2</source>
        <translation>
            <numerusform>%1 ist jetzt Mitglied. %n Token der Person hat die Administratorrechte verloren: %2</numerusform>
            <numerusform>%1 ist jetzt Mitglied. %n Tokens der Person haben die Administratorrechte verloren: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a member now.</source>
        <translation>%1 ist jetzt Mitglied.</translation>
    </message>
    <message>
        <source>%1 is an admin now.</source>
        <translation>%1 hat jetzt Administratorrechte.</translation>
    </message>
</context>
<context>
    <name>td::ui::RefusalsView</name>
    <message>
        <source>%1 is outside the allowlist %2: add it to the allowlist if the client is allowed there.</source>
        <translation>%1 liegt außerhalb der Zulassungsliste %2: Fügen Sie die Adresse hinzu, wenn der Client von dort zugreifen darf.</translation>
    </message>
    <message>
        <source>A request needed a scope it does not hold: %1 Generate a credential with that scope, or use one that has it.</source>
        <translation>Eine Anfrage brauchte einen Berechtigungsumfang, den es nicht hat: %1 Erzeugen Sie Zugangsdaten mit diesem Umfang oder verwenden Sie solche, die ihn haben.</translation>
    </message>
    <message>
        <source>It was sent for another tenant than its own (from %1): send it without X-Tenant-Id, or with its own tenant.</source>
        <translation>Es wurde für einen fremden Mandanten gesendet (von %1): Senden Sie es ohne X-Tenant-Id oder mit seinem eigenen Mandanten.</translation>
    </message>
    <message>
        <source>It was used after it stopped working (%1), from %2: the client needs a new credential.</source>
        <translation>Es wurde benutzt, nachdem es nicht mehr gültig war (%1), von %2: Der Client braucht neue Zugangsdaten.</translation>
    </message>
    <message numerus="yes">
        <source>No refused requests in the last %n day(s).</source>
        <translation>
            <numerusform>Keine abgelehnten Anfragen am letzten %n Tag.</numerusform>
            <numerusform>Keine abgelehnten Anfragen in den letzten %n Tagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add %1 to the allowlist…</source>
        <translation>%1 zur Zulassungsliste hinzufügen…</translation>
    </message>
</context>
<context>
    <name>td::ui::RiskReviewPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Zugang</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Set e&amp;xpiry…</source>
        <translation>Ablauf &amp;setzen…</translation>
    </message>
    <message>
        <source>&amp;Narrow scopes…</source>
        <translation>Berechtigungen ein&amp;grenzen…</translation>
    </message>
    <message>
        <source>Keep only the scopes each credential needed in the last 30 days.</source>
        <translation>Nur die Berechtigungen behalten, die jeder Zugang in den letzten 30 Tagen gebraucht hat.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) with admin rights and no IP allowlist</source>
        <translation>
            <numerusform>%n Zugang mit Administratorrechten und ohne IP-Zulassungsliste</numerusform>
            <numerusform>%n Zugänge mit Administratorrechten und ohne IP-Zulassungsliste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) refused 10 times or more in the last 24 hours</source>
        <translation>
            <numerusform>%n Zugang in den letzten 24 Stunden 10-mal oder öfter abgelehnt</numerusform>
            <numerusform>%n Zugänge in den letzten 24 Stunden 10-mal oder öfter abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) still used after their rotation</source>
        <translation>
            <numerusform>%n Zugang nach seiner Rotation noch benutzt</numerusform>
            <numerusform>%n Zugänge nach ihrer Rotation noch benutzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) that never expire</source>
        <translation>
            <numerusform>%n Zugang, der nie abläuft</numerusform>
            <numerusform>%n Zugänge, die nie ablaufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) holding scopes they have not needed for 30 days</source>
        <translation>
            <numerusform>%n Zugang mit Berechtigungen, die er seit 30 Tagen nicht gebraucht hat</numerusform>
            <numerusform>%n Zugänge mit Berechtigungen, die sie seit 30 Tagen nicht gebraucht haben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) not used for 90 days or more</source>
        <translation>
            <numerusform>%n Zugang seit 90 Tagen oder länger nicht benutzt</numerusform>
            <numerusform>%n Zugänge seit 90 Tagen oder länger nicht benutzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) never used, created more than 7 days ago</source>
        <translation>
            <numerusform>%n Zugang nie benutzt, vor mehr als 7 Tagen erstellt</numerusform>
            <numerusform>%n Zugänge nie benutzt, vor mehr als 7 Tagen erstellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s): %1</source>
        <translation>
            <numerusform>%n Zugang: %1</numerusform>
            <numerusform>%n Zugänge: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Holds admin and works from any address</source>
        <translation>Hat Administratorrechte und funktioniert von jeder Adresse aus</translation>
    </message>
    <message numerus="yes">
        <source>%n refusal(s) in the last 24 hours</source>
        <translation>
            <numerusform>%n Ablehnung in den letzten 24 Stunden</numerusform>
            <numerusform>%n Ablehnungen in den letzten 24 Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Last used %1; its grace ends %2</source>
        <translation>Zuletzt benutzt am %1; seine Übergangsfrist endet am %2</translation>
    </message>
    <message>
        <source>Created %1, no expiry</source>
        <translation>Erstellt am %1, ohne Ablauf</translation>
    </message>
    <message>
        <source>Holds %1; needed none of them in 30 days: revoke it</source>
        <translation>Hat %1; brauchte in 30 Tagen keine davon: widerrufen</translation>
    </message>
    <message>
        <source>Holds %1 it did not need; used only %2 in 30 days: narrow to %2</source>
        <translation>Hat %1, ohne es zu brauchen; nutzte in 30 Tagen nur %2: auf %2 eingrenzen</translation>
    </message>
    <message>
        <source>Last used %1</source>
        <translation>Zuletzt benutzt am %1</translation>
    </message>
    <message>
        <source>Created %1, never used</source>
        <translation>Erstellt am %1, nie benutzt</translation>
    </message>
    <message>
        <source>Checking the credentials…</source>
        <translation>Die Zugänge werden geprüft…</translation>
    </message>
    <message>
        <source>The findings could not be read. %1</source>
        <translation>Die Befunde konnten nicht gelesen werden. %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>No findings (checked at %1): every credential is used, expires, and holds only what it needs.</source>
        <translation>Keine Befunde (geprüft um %1): Jeder Zugang wird benutzt, läuft ab und hat nur, was er braucht.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) (checked at %1).</source>
        <translation>
            <numerusform>%n Befund (geprüft um %1).</numerusform>
            <numerusform>%n Befunde (geprüft um %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>A credential can appear under several; check the ones to act on, then choose an action.</source>
        <translation>Ein Zugang kann unter mehreren erscheinen; haken Sie die an, auf die eine Aktion wirken soll, und wählen Sie dann die Aktion.</translation>
    </message>
    <message numerus="yes">
        <source>(the newest %n listed)</source>
        <translation>
            <numerusform>(der neueste %n aufgeführt)</numerusform>
            <numerusform>(die neuesten %n aufgeführt)</numerusform>
        </translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>%1: keep %2</source>
        <translation>%1: %2 behalten</translation>
    </message>
    <message>
        <source>None of the checked credentials needed any of its scopes; revoke them instead.</source>
        <translation>Keiner der angehakten Zugänge brauchte eine seiner Berechtigungen; widerrufen Sie sie stattdessen.</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n credential(s)? Every request made with them fails from now on; this cannot be undone.</source>
        <translation>
            <numerusform>%n Zugang widerrufen? Jede Anfrage damit schlägt ab sofort fehl; das kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Zugänge widerrufen? Jede Anfrage damit schlägt ab sofort fehl; das kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Narrow the scopes of %n credential(s) to those they needed in the last 30 days? Requests that need a dropped scope are refused from now on.</source>
        <translation>
            <numerusform>Die Berechtigungen von %n Zugang auf die in den letzten 30 Tagen gebrauchten eingrenzen? Anfragen, die eine entfernte Berechtigung brauchen, werden ab sofort abgelehnt.</numerusform>
            <numerusform>Die Berechtigungen von %n Zugängen auf die in den letzten 30 Tagen gebrauchten eingrenzen? Anfragen, die eine entfernte Berechtigung brauchen, werden ab sofort abgelehnt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Narrow scopes</source>
        <translation>Berechtigungen eingrenzen</translation>
    </message>
    <message numerus="yes">
        <source>%n needed none of its scopes and is left as it is.</source>
        <translation>
            <numerusform>%n Zugang brauchte keine seiner Berechtigungen und bleibt, wie er ist.</numerusform>
            <numerusform>%n Zugänge brauchten keine ihrer Berechtigungen und bleiben, wie sie sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Narrow</source>
        <translation>Eingrenzen</translation>
    </message>
    <message>
        <source>Set expiry</source>
        <translation>Ablauf setzen</translation>
    </message>
    <message numerus="yes">
        <source>Make %n credential(s) expire. An expiry can only be brought forward: those that already expire sooner keep their date.</source>
        <translation>
            <numerusform>%n Zugang ablaufen lassen. Ein Ablauf kann nur vorgezogen werden: Was schon früher abläuft, behält sein Datum.</numerusform>
            <numerusform>%n Zugänge ablaufen lassen. Ein Ablauf kann nur vorgezogen werden: Was schon früher abläuft, behält sein Datum.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>In %n Tag</numerusform>
            <numerusform>In %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>On a date…</source>
        <translation>An einem Datum…</translation>
    </message>
    <message>
        <source>&amp;Expires:</source>
        <translation>&amp;Läuft ab:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message numerus="yes">
        <source>Changing %n credential(s)…</source>
        <translation>
            <numerusform>%n Zugang wird geändert…</numerusform>
            <numerusform>%n Zugänge werden geändert…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n credential(s).</source>
        <translation>
            <numerusform>%n Zugang widerrufen.</numerusform>
            <numerusform>%n Zugänge widerrufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Narrowed the scopes of %n credential(s).</source>
        <translation>
            <numerusform>Berechtigungen von %n Zugang eingegrenzt.</numerusform>
            <numerusform>Berechtigungen von %n Zugängen eingegrenzt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the expiry of %n credential(s).</source>
        <translation>
            <numerusform>Ablauf von %n Zugang gesetzt.</numerusform>
            <numerusform>Ablauf von %n Zugängen gesetzt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) failed: %1</source>
        <translation>
            <numerusform>%n Änderung fehlgeschlagen: %1</numerusform>
            <numerusform>%n Änderungen fehlgeschlagen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The actions apply to the %n checked credential(s) of the selected group.</source>
        <translation>
            <numerusform>Die Aktionen wirken auf %n angehakten Zugang der gewählten Gruppe.</numerusform>
            <numerusform>Die Aktionen wirken auf die %n angehakten Zugänge der gewählten Gruppe.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already expired sooner and kept their date.</source>
        <translation>
            <numerusform>%n lief schon früher ab und behielt sein Datum.</numerusform>
            <numerusform>%n liefen schon früher ab und behielten ihr Datum.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n API key(s) made by someone who has left the tenant</source>
        <translation>
            <numerusform>%n API-Schlüssel, erstellt von jemandem, der den Mandanten verlassen hat</numerusform>
            <numerusform>%n API-Schlüssel, erstellt von jemandem, der den Mandanten verlassen hat</numerusform>
        </translation>
    </message>
    <message>
        <source>Made by %1, who may still hold it: rotate it</source>
        <translation>Erstellt von %1; diese Person hat ihn womöglich noch: rotieren</translation>
    </message>
</context>
<context>
    <name>td::ui::RotateDialog</name>
    <message>
        <source>Rotate &quot;%1&quot;</source>
        <translation>„%1“ rotieren</translation>
    </message>
    <message>
        <source>A new secret replaces &quot;%1&quot; with the same name, scopes and allowlist. The old secret keeps working for the grace period, so that its users can switch over.</source>
        <translation>Ein neues Geheimnis ersetzt „%1“ – mit demselben Namen, demselben Berechtigungsumfang und derselben Zulassungsliste. Das alte Geheimnis bleibt während der Übergangsfrist gültig, damit seine Nutzer umstellen können.</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>Übergangsfrist</translation>
    </message>
    <message>
        <source>None: the old secret stops now</source>
        <translation>Keine: Das alte Geheimnis wird sofort ungültig</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>Übergangs&amp;frist:</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Rotieren</translation>
    </message>
    <message>
        <source>New one &amp;valid until:</source>
        <translation>Neues &amp;gültig bis:</translation>
    </message>
    <message>
        <source>New one &amp;expires:</source>
        <translation>Neues läuft &amp;ab:</translation>
    </message>
</context>
<context>
    <name>td::ui::SecretDialog</name>
    <message>
        <source>&lt;b&gt;Copy the secret of &quot;%1&quot; now.&lt;/b&gt; It is shown only this once: TokenDesk does not keep it and the server stores only a digest, so nobody can show it again.</source>
        <translation>&lt;b&gt;Kopieren Sie jetzt das Geheimnis von „%1“.&lt;/b&gt; Es wird nur dieses eine Mal angezeigt: TokenDesk speichert es nicht, und der Server speichert nur einen Hashwert – niemand kann es erneut anzeigen.</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Neues Geheimnis</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the secret</source>
        <translation>Geheimnis kopieren</translation>
    </message>
    <message>
        <source>The clipboard is cleared after 30 seconds unless you copy something else.</source>
        <translation>Die Zwischenablage wird nach 30 Sekunden geleert, sofern Sie nicht zwischenzeitlich etwas anderes kopieren.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in 30 seconds.</source>
        <translation>Kopiert. Die Zwischenablage wird in 30 Sekunden geleert.</translation>
    </message>
    <message>
        <source>I have stored the secret in a safe place</source>
        <translation>Ich habe das Geheimnis sicher aufbewahrt</translation>
    </message>
    <message>
        <source>Close without the secret?</source>
        <translation>Ohne das Geheimnis schließen?</translation>
    </message>
    <message>
        <source>The secret cannot be shown again. If you have not stored it, you will have to rotate or generate a new one. Close anyway?</source>
        <translation>Das Geheimnis kann nicht erneut angezeigt werden. Wenn Sie es nicht aufbewahrt haben, müssen Sie durch Rotieren oder Neugenerieren ein neues erzeugen. Trotzdem schließen?</translation>
    </message>
    <message>
        <source>Try it:</source>
        <translation>Ausprobieren:</translation>
    </message>
    <message>
        <source>Copy &amp;example</source>
        <translation>&amp;Beispiel kopieren</translation>
    </message>
</context>
<context>
    <name>td::ui::TrayNotifier</name>
    <message>
        <source>&amp;Open TokenDesk</source>
        <translation>TokenDesk ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Expiring soon — %1</source>
        <translation>Läuft bald ab — %1</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; expires within a day.</source>
        <translation>%1 „%2“ läuft innerhalb eines Tages ab.</translation>
    </message>
    <message numerus="yes">
        <source>%1 &quot;%2&quot; expires in %n day(s).</source>
        <translation>
            <numerusform>%1 „%2“ läuft in %n Tag ab.</numerusform>
            <numerusform>%1 „%2“ läuft in %n Tagen ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>TokenDesk: notifies of expiring credentials</source>
        <translation>TokenDesk: benachrichtigt über ablaufende Zugangsdaten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>td::ui::UsageChart</name>
    <message>
        <source>Requests per day</source>
        <translation>Anfragen pro Tag</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the last %1 days</source>
        <translation>
            <numerusform>%n Anfrage in den letzten %1 Tagen</numerusform>
            <numerusform>%n Anfragen in den letzten %1 Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::UsageView</name>
    <message numerus="yes">
        <source>%n request(s) in the last %1 days</source>
        <translation>
            <numerusform>%n Anfrage in den letzten %1 Tagen</numerusform>
            <numerusform>%n Anfragen in den letzten %1 Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n address(es).</source>
        <translation>
            <numerusform>von %n Adresse.</numerusform>
            <numerusform>von %n Adressen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s), last %1</source>
        <translation>
            <numerusform>%n Anfrage, zuletzt %1</numerusform>
            <numerusform>%n Anfragen, zuletzt %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Clients (user agents)</source>
        <translation>Clients (User-Agents)</translation>
    </message>
    <message>
        <source>Scopes used:</source>
        <translation>Genutzter Berechtigungsumfang:</translation>
    </message>
    <message>
        <source>Held but not used:</source>
        <translation>Vorhanden, aber ungenutzt:</translation>
    </message>
</context>
</TS>
