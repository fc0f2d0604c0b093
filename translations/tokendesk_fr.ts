<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ApiError</name>
    <message>
        <source>The server cannot be reached (%1). Check the connection and the server address, then retry.</source>
        <translation>Le serveur est injoignable (%1). Vérifiez la connexion et l&apos;adresse du serveur, puis réessayez.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the connection, then retry.</source>
        <translation>Le serveur n&apos;a pas répondu à temps. Vérifiez la connexion, puis réessayez.</translation>
    </message>
    <message>
        <source>The server&apos;s identity could not be verified (%1). Check the profile&apos;s CA file and key pin.</source>
        <translation>L&apos;identité du serveur n&apos;a pas pu être vérifiée (%1). Vérifiez le fichier CA et l&apos;épinglage de clé du profil.</translation>
    </message>
    <message>
        <source>The server sent an answer TokenDesk does not understand. Is the address a TokenDesk API?</source>
        <translation>Le serveur a envoyé une réponse que TokenDesk ne comprend pas. L&apos;adresse est-elle bien celle d&apos;une API TokenDesk&#xa0;?</translation>
    </message>
    <message>
        <source>The system keychain failed: %1. Unlock the keychain or check that a Secret Service is running.</source>
        <translation>Le trousseau du système a échoué&#xa0;: %1. Déverrouillez le trousseau ou vérifiez qu&apos;un service Secret Service est en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment, then try again.</source>
        <translation>Trop de tentatives. Patientez un instant, puis réessayez.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>Votre session a pris fin. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>You are not allowed to do this: %1</source>
        <translation>Vous n&apos;êtes pas autorisé à effectuer cette action&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server failed (%1). Nothing was changed; try again later.</source>
        <translation>Erreur du serveur (%1). Aucune modification n&apos;a été effectuée&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>Le serveur a refusé la requête (HTTP %1).</translation>
    </message>
    <message>
        <source>The server redirected the request elsewhere; TokenDesk does not follow redirects with your credentials. Check the server address.</source>
        <translation>Le serveur a redirigé la requête ailleurs ; TokenDesk ne suit pas les redirections avec vos identifiants. Vérifiez l’adresse du serveur.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Cidr</name>
    <message>
        <source>Enter an IP address or a network such as 10.0.0.0/8.</source>
        <translation>Saisissez une adresse IP ou un réseau, par exemple 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a space or a separator. Enter one address or network per entry, such as 10.0.0.0/8.</source>
        <translation>«&#xa0;%1&#xa0;» contient une espace ou un séparateur. Saisissez une seule adresse ou un seul réseau par entrée, par exemple 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or network. Use a form such as 192.168.1.0/24 or 2001:db8::/32.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est ni une adresse IP ni un réseau. Utilisez une notation comme 192.168.1.0/24 ou 2001:db8::/32.</translation>
    </message>
    <message>
        <source>The prefix length in &quot;%1&quot; must be a whole number from 0 to %2.</source>
        <translation>La longueur de préfixe dans «&#xa0;%1&#xa0;» doit être un nombre entier compris entre 0 et %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has address bits set beyond the prefix length; did you mean %2?</source>
        <translation>«&#xa0;%1&#xa0;» comporte des bits d&apos;adresse définis au-delà de la longueur de préfixe&#xa0;; vouliez-vous dire %2&#xa0;?</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Préproduction</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Développement</translation>
    </message>
</context>
<context>
    <name>CredentialKind</name>
    <message>
        <source>API Keys</source>
        <translation>Clés d&apos;API</translation>
    </message>
    <message>
        <source>User Authorization Tokens</source>
        <translation>Jetons d&apos;autorisation utilisateur</translation>
    </message>
    <message>
        <source>Private Tokens</source>
        <translation>Jetons privés</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>clé d&apos;API</translation>
    </message>
    <message>
        <source>user authorization token</source>
        <translation>jeton d&apos;autorisation utilisateur</translation>
    </message>
    <message>
        <source>private token</source>
        <translation>jeton privé</translation>
    </message>
    <message>
        <source>Generate API key</source>
        <translation>Générer une clé d&apos;API</translation>
    </message>
    <message>
        <source>Generate user authorization token</source>
        <translation>Générer un jeton d&apos;autorisation utilisateur</translation>
    </message>
    <message>
        <source>Generate private token</source>
        <translation>Générer un jeton privé</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Nouvelle clé d&apos;API</translation>
    </message>
    <message>
        <source>New user authorization token</source>
        <translation>Nouveau jeton d&apos;autorisation utilisateur</translation>
    </message>
    <message>
        <source>New private token</source>
        <translation>Nouveau jeton privé</translation>
    </message>
    <message>
        <source>Signed in with an API key</source>
        <translation>Connecté avec une clé d&apos;API</translation>
    </message>
    <message>
        <source>Signed in with a user authorization token</source>
        <translation>Connecté avec un jeton d&apos;autorisation utilisateur</translation>
    </message>
    <message>
        <source>Signed in with a private token</source>
        <translation>Connecté avec un jeton privé</translation>
    </message>
    <message>
        <source>API key</source>
        <comment>standing alone, as a heading or a value</comment>
        <translation>Clé d&apos;API</translation>
    </message>
    <message>
        <source>User authorization token</source>
        <comment>standing alone, as a heading or a value</comment>
        <translation>Jeton d&apos;autorisation utilisateur</translation>
    </message>
    <message>
        <source>Private token</source>
        <comment>standing alone, as a heading or a value</comment>
        <translation>Jeton privé</translation>
    </message>
    <message>
        <source>No API keys yet.</source>
        <translation>Aucune clé d&apos;API pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No user authorization tokens yet.</source>
        <translation>Aucun jeton d&apos;autorisation utilisateur pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No private tokens yet.</source>
        <translation>Aucun jeton privé pour l&apos;instant.</translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>The token is valid.</source>
        <translation>Le jeton est valide.</translation>
    </message>
    <message>
        <source>The token is too large.</source>
        <translation>Le jeton est trop volumineux.</translation>
    </message>
    <message>
        <source>The token is not a well-formed JWT.</source>
        <translation>Le jeton n&apos;est pas un JWT bien formé.</translation>
    </message>
    <message>
        <source>The token header is not the expected one.</source>
        <translation>L&apos;en-tête du jeton n&apos;est pas celui attendu.</translation>
    </message>
    <message>
        <source>The token uses an algorithm other than HS256.</source>
        <translation>Le jeton utilise un algorithme autre que HS256.</translation>
    </message>
    <message>
        <source>The token signature is not valid.</source>
        <translation>La signature du jeton n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>The token names the same field twice.</source>
        <translation>Le jeton contient deux fois le même champ.</translation>
    </message>
    <message>
        <source>The token lacks a required claim or has one of the wrong type.</source>
        <translation>Il manque au jeton une revendication obligatoire, ou l&apos;une d&apos;elles a un type incorrect.</translation>
    </message>
    <message>
        <source>The token was issued by another issuer.</source>
        <translation>Le jeton a été émis par un autre émetteur.</translation>
    </message>
    <message>
        <source>The token is meant for another audience.</source>
        <translation>Le jeton est destiné à une autre audience.</translation>
    </message>
    <message>
        <source>The token has expired.</source>
        <translation>Le jeton a expiré.</translation>
    </message>
    <message>
        <source>The token is not valid yet.</source>
        <translation>Le jeton n&apos;est pas encore valide.</translation>
    </message>
    <message>
        <source>The token claims to be issued in the future.</source>
        <translation>Le jeton indique une date d&apos;émission située dans le futur.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>Votre session a pris fin. Reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>TokenReport</name>
    <message>
        <source>Refresh token</source>
        <translation>Jeton d&apos;actualisation</translation>
    </message>
    <message>
        <source>Session token (JWT)</source>
        <translation>Jeton de session (JWT)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Paste a token to inspect it.</source>
        <translation>Collez un jeton pour l&apos;inspecter.</translation>
    </message>
    <message>
        <source>It has %1 characters instead of %2: part of it may be missing.</source>
        <translation>Il comporte %1 caractères au lieu de %2&#xa0;: une partie manque peut-être.</translation>
    </message>
    <message>
        <source>The checksum does not match: a character was changed or mistyped.</source>
        <translation>La somme de contrôle ne correspond pas&#xa0;: un caractère a été modifié ou mal saisi.</translation>
    </message>
    <message>
        <source>The header or the claims are not valid JSON.</source>
        <translation>L&apos;en-tête ou les revendications ne sont pas du JSON valide.</translation>
    </message>
    <message>
        <source>This is neither a TokenDesk token (td…_) nor a JWT.</source>
        <translation>Il ne s&apos;agit ni d&apos;un jeton TokenDesk (td…_) ni d&apos;un JWT.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Manage API keys, UATs and private tokens.</source>
        <translation>Gérer les clés d&apos;API, les UAT et les jetons privés.</translation>
    </message>
    <message>
        <source>Start a local demo server and log in to it.</source>
        <translation>Démarrer un serveur de démonstration local et s&apos;y connecter.</translation>
    </message>
    <message>
        <source>tokendesk-server to start with --demo.</source>
        <translation>tokendesk-server à démarrer avec --demo.</translation>
    </message>
</context>
<context>
    <name>td::app::ApiClient</name>
    <message>
        <source>Enter a server address such as https://api.example.com.</source>
        <translation>Saisissez une adresse de serveur, par exemple https://api.example.com.</translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation>L&apos;adresse doit commencer par https://.</translation>
    </message>
    <message>
        <source>Plain http:// is only allowed for this computer (localhost); use https:// for %1.</source>
        <translation>Le protocole http:// non chiffré n&apos;est autorisé que pour cet ordinateur (localhost)&#xa0;; utilisez https:// pour %1.</translation>
    </message>
    <message>
        <source>the server&apos;s public key does not match the pinned key</source>
        <translation>la clé publique du serveur ne correspond pas à la clé épinglée</translation>
    </message>
</context>
<context>
    <name>td::app::ApiJob</name>
    <message>
        <source>no connection</source>
        <translation>aucune connexion</translation>
    </message>
    <message>
        <source>unexpected response</source>
        <translation>réponse inattendue</translation>
    </message>
</context>
<context>
    <name>td::app::AuditModel</name>
    <message>
        <source>Logged in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>Échec de connexion</translation>
    </message>
    <message>
        <source>Login rate limit hit</source>
        <translation>Limite de tentatives de connexion atteinte</translation>
    </message>
    <message>
        <source>Session renewed</source>
        <translation>Renouvellement de session</translation>
    </message>
    <message>
        <source>Refresh token reused: session ended</source>
        <translation>Jeton d&apos;actualisation réutilisé&#xa0;: session terminée</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Credential refused</source>
        <translation>Identifiant refusé</translation>
    </message>
    <message>
        <source>Token inspected</source>
        <translation>Inspection de jeton</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Rotated</source>
        <translation>Renouvellement</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révocation</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>td::app::CredentialModel</name>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Expire bientôt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révoqué</translation>
    </message>
    <message>
        <source>in less than a minute</source>
        <translation>dans moins d&apos;une minute</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
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
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mois</numerusform>
            <numerusform>%n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Never used</source>
        <translation>Jamais utilisé</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 depuis %2</translation>
    </message>
    <message>
        <source>Any address</source>
        <translation>Toutes les adresses</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Portées</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <source>IP allowlist</source>
        <translation>IP autorisées</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Autorisations</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>No person (%1)</source>
        <translation>Aucune personne (%1)</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
</context>
<context>
    <name>td::app::DemoLauncher</name>
    <message>
        <source>The demo server could not be started: %1</source>
        <translation>Le serveur de démonstration n&apos;a pas pu être démarré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The demo server stopped before it was ready (exit code %1).</source>
        <translation>Le serveur de démonstration s&apos;est arrêté avant d&apos;être prêt (code de sortie %1).</translation>
    </message>
    <message>
        <source>tokendesk-server was not found beside TokenDesk or on PATH.</source>
        <translation>tokendesk-server est introuvable, ni à côté de TokenDesk ni dans le PATH.</translation>
    </message>
    <message>
        <source>The demo server has stopped: it crashed.</source>
        <translation>Le serveur de démonstration s&apos;est arrêté : il a planté.</translation>
    </message>
    <message>
        <source>The demo server has stopped (exit code %1).</source>
        <translation>Le serveur de démonstration s&apos;est arrêté (code de sortie %1).</translation>
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
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>td::app::ExpiryNotifier</name>
    <message>
        <source>Its login is not remembered, so it is checked only while TokenDesk is signed in to it. Sign in with &quot;Remember me&quot; to be notified at other times.</source>
        <translation>Sa connexion n&apos;est pas mémorisée&#xa0;: elle n&apos;est vérifiée que pendant que TokenDesk y est connecté. Connectez-vous avec «&#xa0;Se souvenir de moi&#xa0;» pour être averti le reste du temps.</translation>
    </message>
    <message>
        <source>The system keychain holds no sign-in for it (or is locked). Sign in to it once with &quot;Remember me&quot; or a stored token.</source>
        <translation>Le trousseau du système ne contient aucune connexion pour elle (ou il est verrouillé). Connectez-vous-y une fois avec «&#xa0;Se souvenir de moi&#xa0;» ou un jeton enregistré.</translation>
    </message>
    <message>
        <source>Signing in with its remembered login failed: %1</source>
        <translation>Échec de la connexion mémorisée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Signing in with its stored token failed: %1</source>
        <translation>Échec de la connexion avec le jeton enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 could not be listed: %2</source>
        <translation>Liste impossible (%1)&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>td::ui::AboutDialog</name>
    <message>
        <source>About TokenDesk</source>
        <translation>À propos de TokenDesk</translation>
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
        <translation>Console d&apos;administration des clés d&apos;API, des jetons d&apos;autorisation utilisateur et des jetons privés.</translation>
    </message>
    <message>
        <source>Copyright © 2026 TokenDesk contributors</source>
        <translation>Copyright © 2026 les contributeurs de TokenDesk</translation>
    </message>
    <message>
        <source>Licensed under the MIT License.</source>
        <translation>Distribué sous la licence MIT.</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1 (compilé avec %2)</translation>
    </message>
    <message>
        <source>TLS: %1 (built with %2)</source>
        <translation>TLS&#xa0;: %1 (compilé avec %2)</translation>
    </message>
    <message>
        <source>TLS: no OpenSSL library could be loaded (built with %1); HTTPS connections will fail.</source>
        <translation>TLS&#xa0;: aucune bibliothèque OpenSSL n&apos;a pu être chargée (compilé avec %1)&#xa0;; les connexions HTTPS échoueront.</translation>
    </message>
    <message>
        <source>TLS: this Qt was built without TLS support; HTTPS connections will fail.</source>
        <translation>TLS&#xa0;: ce Qt a été compilé sans prise en charge de TLS&#xa0;; les connexions HTTPS échoueront.</translation>
    </message>
    <message>
        <source>Secrets are kept in the macOS Keychain.</source>
        <translation>Les secrets sont conservés dans le trousseau de macOS.</translation>
    </message>
    <message>
        <source>Secrets are kept in the Windows Credential Manager.</source>
        <translation>Les secrets sont conservés dans le Gestionnaire d&apos;identification de Windows.</translation>
    </message>
    <message>
        <source>Secrets are kept in the Secret Service (for example GNOME Keyring or KeePassXC) or in KWallet.</source>
        <translation>Les secrets sont conservés dans le Secret Service (par exemple GNOME Keyring ou KeePassXC) ou dans KWallet.</translation>
    </message>
</context>
<context>
    <name>td::ui::AppController</name>
    <message>
        <source>Keychain</source>
        <translation>Trousseau</translation>
    </message>
    <message>
        <source>Demo sandbox</source>
        <translation>Bac à sable de démonstration</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Impossible de lire le fichier CA %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 ne contient aucun certificat PEM.</translation>
    </message>
    <message>
        <source>The key pin must be the base64 of a SHA-256 digest (32 bytes).</source>
        <translation>L&apos;épinglage de clé doit être l&apos;encodage base64 d&apos;une empreinte SHA-256 (32 octets).</translation>
    </message>
    <message>
        <source>No remembered login could be read: %1 Enter your password.</source>
        <translation>Impossible de lire la connexion mémorisée&#xa0;: %1 Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>You have logged out.</source>
        <translation>Vous êtes déconnecté.</translation>
    </message>
    <message>
        <source>Restart demo server</source>
        <translation>Redémarrer le serveur de démonstration</translation>
    </message>
    <message>
        <source>Starting the local demo server…</source>
        <translation>Démarrage du serveur de démonstration local…</translation>
    </message>
    <message>
        <source>Restart it to go on with a fresh sandbox.</source>
        <translation>Redémarrez-le pour continuer avec un nouveau bac à sable.</translation>
    </message>
    <message>
        <source>Signing in to the demo server…</source>
        <translation>Connexion au serveur de démonstration…</translation>
    </message>
    <message>
        <source>Expiring credential</source>
        <translation>Identifiant bientôt expiré</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; belongs to the connection &quot;%3&quot;, and TokenDesk is signed in to &quot;%4&quot;. To open it, log out and sign in to &quot;%3&quot;.</source>
        <translation>%1 «&#xa0;%2&#xa0;» appartient à la connexion «&#xa0;%3&#xa0;», et TokenDesk est connecté à «&#xa0;%4&#xa0;». Pour l&apos;ouvrir, déconnectez-vous puis connectez-vous à «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>Sign in to &quot;%1&quot; to open &quot;%2&quot;.</source>
        <translation>Connectez-vous à «&#xa0;%1&#xa0;» pour ouvrir «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Your password is set. Sign in as %1 with it.</source>
        <translation>Votre mot de passe est défini. Connectez-vous avec en tant que %1.</translation>
    </message>
</context>
<context>
    <name>td::ui::AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Load &amp;older events</source>
        <translation>Charger les événements plus an&amp;ciens</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Filtre d&apos;action</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <source>Sign-ins and sessions</source>
        <translation>Connexions et sessions</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>Connexions échouées</translation>
    </message>
    <message>
        <source>Refused requests</source>
        <translation>Requêtes refusées</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créés</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifiés</translation>
    </message>
    <message>
        <source>Rotated</source>
        <translation>Renouvelés</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révoqués</translation>
    </message>
    <message>
        <source>Tokens inspected</source>
        <translation>Jetons inspectés</translation>
    </message>
    <message>
        <source>All credentials: type a name or key to pick one</source>
        <translation>Tous les identifiants : saisissez un nom ou une clé pour en choisir un</translation>
    </message>
    <message>
        <source>Credential filter</source>
        <translation>Filtre d&apos;identifiant</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Toute période</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Entre…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>The end of the time range must be after its start.</source>
        <translation>La fin de la période doit être postérieure à son début.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
</context>
<context>
    <name>td::ui::Banner</name>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
</context>
<context>
    <name>td::ui::ConnectionsDialog</name>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>The servers TokenDesk connects to. A connection is kept once its first sign-in has worked.</source>
        <translation>Les serveurs auxquels TokenDesk se connecte. Une connexion est conservée dès que sa première connexion a réussi.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (copie %2)</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Supprimer la connexion</translation>
    </message>
    <message>
        <source>Delete the connection &quot;%1&quot;? Its remembered login and stored token are deleted from the system keychain too.</source>
        <translation>Supprimer la connexion « %1 » ? Sa connexion mémorisée et son jeton enregistré sont aussi supprimés du trousseau du système.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>td::ui::CredentialAuditView</name>
    <message>
        <source>Audit events of this credential</source>
        <translation>Événements d’audit de cet identifiant</translation>
    </message>
    <message>
        <source>Open in the audit log</source>
        <translation>Ouvrir dans le journal d’audit</translation>
    </message>
    <message>
        <source>Select one credential to see its audit events.</source>
        <translation>Sélectionnez un identifiant pour voir ses événements d’audit.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), the newest first.</source>
        <translation>
            <numerusform>%n événement, le plus récent en premier.</numerusform>
            <numerusform>%n événements, les plus récents en premier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %n events; the audit log has all of them.</source>
        <translation>
            <numerusform>Le %n événement le plus récent ; le journal d’audit les contient tous.</numerusform>
            <numerusform>Les %n événements les plus récents ; le journal d’audit les contient tous.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::CredentialsPage</name>
    <message>
        <source>&amp;Generate…</source>
        <translation>&amp;Générer…</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation>Re&amp;nouveler…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Révoquer…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Search name, prefix, scope, address… (Ctrl+F)</source>
        <translation>Rechercher un nom, un préfixe, une portée, une adresse… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtre de statut</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n item(s)…</source>
        <translation>
            <numerusform>%n élément chargé…</numerusform>
            <numerusform>%n éléments chargés…</numerusform>
        </translation>
    </message>
    <message>
        <source>Private tokens can only be created after logging in with a password, not with a stored token.</source>
        <translation>Les jetons privés ne peuvent être créés qu&apos;après une connexion par mot de passe, pas avec un jeton enregistré.</translation>
    </message>
    <message>
        <source>Generated &quot;%1&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» généré.</translation>
    </message>
    <message>
        <source>Rotated &quot;%1&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» renouvelé.</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n credential(s)? Every request made with them fails from now on; this cannot be undone.</source>
        <translation>
            <numerusform>Révoquer %n identifiant&#xa0;? Toutes les requêtes effectuées avec celui-ci échoueront désormais&#xa0;; cette action est irréversible.</numerusform>
            <numerusform>Révoquer %n identifiants&#xa0;? Toutes les requêtes effectuées avec ceux-ci échoueront désormais&#xa0;; cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n credential(s).</source>
        <translation>
            <numerusform>%n identifiant révoqué.</numerusform>
            <numerusform>%n identifiants révoqués.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>%n ligne exportée vers %1.</numerusform>
            <numerusform>%n lignes exportées vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an item to see its details.</source>
        <translation>Sélectionnez un élément pour afficher ses détails.</translation>
    </message>
    <message numerus="yes">
        <source>%n items selected.</source>
        <translation>
            <numerusform>%n élément sélectionné.</numerusform>
            <numerusform>%n éléments sélectionnés.</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Autorisations</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Portées</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Créé par</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <source>IP allowlist</source>
        <translation>IP autorisées</translation>
    </message>
    <message>
        <source>Any address</source>
        <translation>Toutes les adresses</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révocation</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation>Remplace</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>Remplacé par</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Copy &amp;ID</source>
        <translation>Copier l’&amp;ID</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» enregistré.</translation>
    </message>
    <message>
        <source>Show &amp;audit events</source>
        <translation>Voir les événements d’&amp;audit</translation>
    </message>
    <message>
        <source>Det&amp;ails</source>
        <translation>Dét&amp;ails</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelling after the request in progress…</source>
        <translation>Annulation après la requête en cours…</translation>
    </message>
    <message numerus="yes">
        <source>Revoked %1 of %n…</source>
        <translation>
            <numerusform>%1 sur %n révoqué…</numerusform>
            <numerusform>%1 sur %n révoqués…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already revoked, skipped.</source>
        <translation>
            <numerusform>%n déjà révoqué, ignoré.</numerusform>
            <numerusform>%n déjà révoqués, ignorés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n not revoked.</source>
        <translation>
            <numerusform>Annulé : %n non révoqué.</numerusform>
            <numerusform>Annulé : %n non révoqués.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not revoked.</source>
        <translation>
            <numerusform>%n non révoqué.</numerusform>
            <numerusform>%n non révoqués.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of those selected are already revoked and are skipped.</source>
        <translation>
            <numerusform>%n des éléments sélectionnés est déjà révoqué et sera ignoré.</numerusform>
            <numerusform>%n des éléments sélectionnés sont déjà révoqués et seront ignorés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Generate one (%1)</source>
        <translation>En générer un (%1)</translation>
    </message>
    <message>
        <source>No match for &quot;%1&quot;.</source>
        <translation>Aucun résultat pour « %1 ».</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Nothing has the status &quot;%1&quot;.</source>
        <translation>Aucun élément n&apos;a le statut « %1 ».</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>Refus</translation>
    </message>
    <message>
        <source>Select one credential to see how it is used.</source>
        <translation>Sélectionnez un identifiant pour voir son utilisation.</translation>
    </message>
    <message>
        <source>Select one credential to see its refused requests.</source>
        <translation>Sélectionnez un identifiant pour voir ses requêtes refusées.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>&amp;Suspendre</translation>
    </message>
    <message>
        <source>Stop or restart the credential without revoking it</source>
        <translation>Arrêter ou relancer l’identifiant sans le révoquer</translation>
    </message>
    <message>
        <source>Suspended &quot;%1&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» suspendu.</translation>
    </message>
    <message>
        <source>Resumed &quot;%1&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» repris.</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Suspend %1? Requests made with it are refused until it is resumed; nothing else changes, and it can be resumed at any time.</source>
        <translation>Suspendre %1&#xa0;? Les requêtes faites avec lui sont refusées jusqu’à sa reprise&#xa0;; rien d’autre ne change, et il peut être repris à tout moment.</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Re&amp;prendre</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Limite de débit</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) per %1 s</source>
        <translation>
            <numerusform>%n requête par %1 s</numerusform>
            <numerusform>%n requêtes par %1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>None of its own</source>
        <translation>Aucune qui lui soit propre</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Owner filter</source>
        <translation>Filtre de propriétaire</translation>
    </message>
    <message>
        <source>%1 owns none of these.</source>
        <translation>Aucun élément pour «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miens</translation>
    </message>
</context>
<context>
    <name>td::ui::DrainWatch</name>
    <message>
        <source>End grace now</source>
        <translation>Terminer le délai de grâce</translation>
    </message>
    <message>
        <source>Extend grace…</source>
        <translation>Prolonger le délai de grâce…</translation>
    </message>
    <message>
        <source>Nobody has used the old key since the rotation; its grace ends %1. You can end it now.</source>
        <translation>Personne n’a utilisé l’ancienne clé depuis le renouvellement ; son délai de grâce se termine le %1. Vous pouvez y mettre fin maintenant.</translation>
    </message>
    <message>
        <source>Still calling: %1.</source>
        <translation>Appelle encore&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Old key still used: %1 from %2 (%3 since the rotation); its grace ends %4.</source>
        <translation>Ancienne clé encore utilisée&#xa0;: %1 depuis %2 (%3 depuis le renouvellement)&#xa0;; son délai de grâce se termine le %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the last hour</source>
        <translation>
            <numerusform>%n requête dans la dernière heure</numerusform>
            <numerusform>%n requêtes dans la dernière heure</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n adresse</numerusform>
            <numerusform>%n adresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n requête</numerusform>
            <numerusform>%n requêtes</numerusform>
        </translation>
    </message>
    <message>
        <source>This credential was rotated and still works until its grace ends. Reading who still uses it…</source>
        <translation>Cet identifiant a été renouvelé et fonctionne jusqu’à la fin de son délai de grâce. Lecture de qui l’utilise encore…</translation>
    </message>
    <message>
        <source>Who still uses the old key could not be read. %1</source>
        <translation>Impossible de lire qui utilise encore l’ancienne clé. %1</translation>
    </message>
    <message>
        <source>End the grace of %1 now? Every request still made with the old key fails from now on; its successor keeps working.</source>
        <translation>Terminer maintenant le délai de grâce de %1&#xa0;? Toute requête faite avec l’ancienne clé échoue désormais&#xa0;; sa remplaçante continue de fonctionner.</translation>
    </message>
    <message>
        <source>End grace</source>
        <translation>Terminer le délai</translation>
    </message>
    <message>
        <source>Extend grace</source>
        <translation>Prolonger le délai de grâce</translation>
    </message>
    <message>
        <source>Until when should the old key of %1 keep working? At most until %2.</source>
        <translation>Jusqu’à quand l’ancienne clé de %1 doit-elle fonctionner&#xa0;? Au plus tard jusqu’au %2.</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Prolonger</translation>
    </message>
    <message>
        <source>The grace could not be changed. %1</source>
        <translation>Le délai de grâce n’a pas pu être modifié. %1</translation>
    </message>
</context>
<context>
    <name>td::ui::ExpiryChooser</name>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Custom expiry date</source>
        <translation>Date d&apos;expiration personnalisée</translation>
    </message>
    <message>
        <source>It never expires: it works until someone revokes it. Prefer an expiry, and rotate it before then.</source>
        <translation>Il n&apos;expire jamais : il fonctionne jusqu&apos;à ce que quelqu&apos;un le révoque. Préférez une expiration, et renouvelez-le avant.</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 jours</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 jours</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 jours</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 an</translation>
    </message>
    <message>
        <source>Custom date</source>
        <translation>Date personnalisée</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message numerus="yes">
        <source>Same lifetime as before (%n day(s))</source>
        <translation>
            <numerusform>Même durée qu&apos;avant (%n jour)</numerusform>
            <numerusform>Même durée qu&apos;avant (%n jours)</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a date in the future.</source>
        <translation>Choisissez une date dans le futur.</translation>
    </message>
    <message>
        <source>Choose a date no later than %1.</source>
        <translation>Choisissez une date au plus tard le %1.</translation>
    </message>
    <message>
        <source>Expires %1 (%2), as long after now as the old one lived.</source>
        <translation>Expire le %1 (%2), aussi longtemps après maintenant que l&apos;ancien a duré.</translation>
    </message>
    <message>
        <source>Valid through %1 (UTC): it stops working at %2, your time.</source>
        <translation>Valide jusqu&apos;au %1 inclus (UTC) : il cesse de fonctionner le %2, heure locale.</translation>
    </message>
    <message>
        <source>Expires %1 (%2).</source>
        <translation>Expire le %1 (%2).</translation>
    </message>
</context>
<context>
    <name>td::ui::ExpiryPage</name>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Expiring &amp;within:</source>
        <translation>Expirant da&amp;ns&#xa0;:</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Période</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Credentials expiring soon</source>
        <translation>Identifiants expirant bientôt</translation>
    </message>
    <message>
        <source>Double-click a row to open it on its page.</source>
        <translation>Double-cliquez sur une ligne pour l&apos;ouvrir sur sa page.</translation>
    </message>
</context>
<context>
    <name>td::ui::ExpiryTimeline</name>
    <message>
        <source>Credentials expiring per week</source>
        <translation>Identifiants expirant par semaine</translation>
    </message>
    <message numerus="yes">
        <source>Week of %1: %n expiring</source>
        <translation>
            <numerusform>Semaine du %1 : %n expire</numerusform>
            <numerusform>Semaine du %1 : %n expirent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::GenerateDialog</name>
    <message>
        <source>What uses it, e.g. &quot;Warehouse sync&quot;</source>
        <translation>Ce qui l&apos;utilise, p. ex. «&#xa0;Synchro entrepôt&#xa0;»</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>&amp;Permissions:</source>
        <translation>&amp;Autorisations&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation>&amp;Portées&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Valid until:</source>
        <translation>&amp;Valide jusqu&apos;au&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Expires:</source>
        <translation>&amp;Expiration&#xa0;:</translation>
    </message>
    <message>
        <source>IP allowlist</source>
        <translation>IP autorisées</translation>
    </message>
    <message>
        <source>One address or network per line, e.g. 10.20.0.0/16 or 2001:db8::/32.
Empty: any address.</source>
        <translation>Une adresse ou un réseau par ligne, p. ex. 10.20.0.0/16 ou 2001:db8::/32.
Vide&#xa0;: toutes les adresses.</translation>
    </message>
    <message>
        <source>&amp;IP allowlist:</source>
        <translation>&amp;IP autorisées&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Saisissez un nom.</translation>
    </message>
    <message>
        <source>Choose at least one permission.</source>
        <translation>Choisissez au moins une autorisation.</translation>
    </message>
    <message>
        <source>Choose at least one scope.</source>
        <translation>Choisissez au moins une portée.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Fix the IP allowlist.</source>
        <translation>Corrigez la liste des IP autorisées.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Génération…</translation>
    </message>
    <message>
        <source>The server refused some fields; see the messages above.</source>
        <translation>Le serveur a refusé certains champs&#xa0;; consultez les messages ci-dessus.</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>Modifier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>En&amp;registrer</translation>
    </message>
    <message>
        <source>At &amp;most</source>
        <translation>Au pl&amp;us</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>requests per second</source>
        <translation>requêtes par seconde</translation>
    </message>
    <message>
        <source>requests per minute</source>
        <translation>requêtes par minute</translation>
    </message>
    <message>
        <source>requests per hour</source>
        <translation>requêtes par heure</translation>
    </message>
    <message>
        <source>requests per day</source>
        <translation>requêtes par jour</translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation>&amp;Limite de débit&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>requests per %n second(s)</source>
        <translation>
            <numerusform>requêtes par %n seconde</numerusform>
            <numerusform>requêtes par %n secondes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::InspectorPage</name>
    <message>
        <source>Paste an API key, UAT, private token, refresh token or session JWT. It is checked on this computer first; &quot;Check on server&quot; asks the server whether it is active. The token is not stored and not shown again.</source>
        <translation>Collez une clé d&apos;API, un UAT, un jeton privé, un jeton d&apos;actualisation ou un JWT de session. Il est d&apos;abord vérifié sur cet ordinateur&#xa0;; «&#xa0;Vérifier sur le serveur&#xa0;» demande au serveur s&apos;il est actif. Le jeton n&apos;est ni enregistré ni réaffiché.</translation>
    </message>
    <message>
        <source>Paste a token</source>
        <translation>Collez un jeton</translation>
    </message>
    <message>
        <source>Token to inspect</source>
        <translation>Jeton à inspecter</translation>
    </message>
    <message>
        <source>&amp;Check on server</source>
        <translation>&amp;Vérifier sur le serveur</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Pas encore vérifié.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Well formed</source>
        <translation>Bien formé</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithme</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis le</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Not verified here: only the server holds the key. Use &quot;Check on server&quot;.</source>
        <translation>Non vérifiée ici&#xa0;: seul le serveur détient la clé. Utilisez «&#xa0;Vérifier sur le serveur&#xa0;».</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Interrogation du serveur…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Not active</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Portées</translation>
    </message>
    <message>
        <source>Unknown here: it may belong to another tenant, or never have existed.</source>
        <translation>Inconnu ici&#xa0;: il appartient peut-être à un autre locataire, ou n&apos;a jamais existé.</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message numerus="yes">
        <source>Its last %n refused request(s)</source>
        <translation>
            <numerusform>Sa %n dernière requête refusée</numerusform>
            <numerusform>Ses %n dernières requêtes refusées</numerusform>
        </translation>
    </message>
    <message>
        <source>No request with it was refused in the last 90 days.</source>
        <translation>Aucune requête faite avec lui n’a été refusée ces 90 derniers jours.</translation>
    </message>
</context>
<context>
    <name>td::ui::InvitePersonDialog</name>
    <message>
        <source>Invite a person</source>
        <translation>Inviter une personne</translation>
    </message>
    <message>
        <source>Someone new to this server gets an account without a password and a setup token, shown once, with which they choose their own password. Someone who has an account here already is added to this tenant.</source>
        <translation>Une personne nouvelle sur ce serveur reçoit un compte sans mot de passe et un jeton de configuration, affiché une seule fois, avec lequel elle choisit son propre mot de passe. Une personne qui a déjà un compte ici est ajoutée à ce locataire.</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nom@example.com</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>Adresse e-&amp;mail&#xa0;:</translation>
    </message>
    <message>
        <source>Member: manages their own UATs and private tokens</source>
        <translation>Membre&#xa0;: gère ses propres UAT et jetons privés</translation>
    </message>
    <message>
        <source>Admin: manages every credential and person of this tenant</source>
        <translation>Administrateur&#xa0;: gère tous les identifiants et toutes les personnes de ce locataire</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>Optional: the part of the address before @</source>
        <translation>Facultatif&#xa0;: la partie de l&apos;adresse avant le @</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Inviter</translation>
    </message>
    <message>
        <source>Enter the person&apos;s e-mail address.</source>
        <translation>Saisissez l&apos;adresse e-mail de la personne.</translation>
    </message>
</context>
<context>
    <name>td::ui::LoginDialog</name>
    <message>
        <source>Connect to an API</source>
        <translation>Se connecter à une API</translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>Profil de connexion</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil&#xa0;:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Environnement&#xa0;:</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Méthode de connexion</translation>
    </message>
    <message>
        <source>E-mail and password</source>
        <translation>Adresse e-mail et mot de passe</translation>
    </message>
    <message>
        <source>Stored admin API key</source>
        <translation>Clé d&apos;API d&apos;administration enregistrée</translation>
    </message>
    <message>
        <source>Stored private token</source>
        <translation>Jeton privé enregistré</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>Adresse e-&amp;mail&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mo&amp;t de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation>Mot de passe ou jeton</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer (in the system keychain)</source>
        <translation>Se souvenir de moi sur cet o&amp;rdinateur (dans le trousseau du système)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>Default tenant</source>
        <translation>Locataire par défaut</translation>
    </message>
    <message>
        <source>Default &amp;tenant:</source>
        <translation>&amp;Locataire par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>optional PEM file of a private CA</source>
        <translation>facultatif&#xa0;: fichier PEM d&apos;une autorité de certification privée</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Fichier CA</translation>
    </message>
    <message>
        <source>optional SHA-256 of the server&apos;s public key, base64</source>
        <translation>facultatif&#xa0;: SHA-256 de la clé publique du serveur, en base64</translation>
    </message>
    <message>
        <source>Public key pin</source>
        <translation>Épinglage de clé publique</translation>
    </message>
    <message>
        <source>Key p&amp;in:</source>
        <translation>Ép&amp;inglage de clé&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>New connection…</source>
        <translation>Nouvelle connexion…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>&amp;Token (empty: use the stored one):</source>
        <translation>&amp;Jeton (vide&#xa0;: utiliser celui enregistré)&#xa0;:</translation>
    </message>
    <message>
        <source>Enter your e-mail address.</source>
        <translation>Saisissez votre adresse e-mail.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Nouvelle connexion</translation>
    </message>
    <message>
        <source>Edit connection &quot;%1&quot;</source>
        <translation>Modifier la connexion « %1 »</translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; exists already: choose it under Profile, or give this one another name.</source>
        <translation>Une connexion nommée « %1 » existe déjà : choisissez-la dans Profil, ou donnez un autre nom à celle-ci.</translation>
    </message>
    <message>
        <source>Choose the environment: production, staging or development.</source>
        <translation>Choisissez l&apos;environnement : production, préproduction ou développement.</translation>
    </message>
    <message>
        <source>Sign in wit&amp;h:</source>
        <translation>Se connecter a&amp;vec&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>&amp;Fichier CA&#xa0;:</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Enre&amp;gistrer</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Days ahead to notify of expiring credentials</source>
        <translation>Nombre de jours d&apos;avance pour l&apos;avertissement des identifiants qui expirent</translation>
    </message>
    <message>
        <source>A desktop notification for each credential of this connection that expires within this many days, checked at start and every hour while TokenDesk runs. It signs in only with what the system keychain holds: a remembered login or a stored token.</source>
        <translation>Une notification de bureau pour chaque identifiant de cette connexion qui expire dans ce nombre de jours, vérifiée au démarrage puis toutes les heures tant que TokenDesk tourne. La connexion utilise uniquement ce que contient le trousseau du système&#xa0;: une connexion mémorisée ou un jeton enregistré.</translation>
    </message>
    <message>
        <source>Notify me about credentials e&amp;xpiring within</source>
        <translation>M&apos;avertir des identifiants e&amp;xpirant dans</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <comment>after a number</comment>
        <translation>
            <numerusform>jour</numerusform>
            <numerusform>jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Without &quot;Remember me&quot; this connection is checked for expiring credentials only while TokenDesk is signed in to it.</source>
        <translation>Sans «&#xa0;Se souvenir de moi&#xa0;», les identifiants de cette connexion ne sont vérifiés que pendant que TokenDesk y est connecté.</translation>
    </message>
    <message>
        <source>Set &amp;up a new account…</source>
        <translation>&amp;Activer un compte invité…</translation>
    </message>
    <message>
        <source>You were invited and have a setup token: choose your password.</source>
        <translation>Vous avez été invité et avez un jeton de configuration&#xa0;: choisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>Set up your account</source>
        <translation>Activer votre compte</translation>
    </message>
    <message>
        <source>An admin invited you and gave you a setup token. Choose your password for %1; the token works once, within 72 hours of the invitation.</source>
        <translation>Un administrateur vous a invité et vous a remis un jeton de configuration. Choisissez votre mot de passe pour %1&#xa0;; le jeton ne sert qu’une fois, dans les 72 heures suivant l’invitation.</translation>
    </message>
    <message>
        <source>the server above</source>
        <translation>le serveur ci-dessus</translation>
    </message>
    <message>
        <source>Setup &amp;token:</source>
        <translation>&amp;Jeton de configuration&#xa0;:</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Nouveau &amp;mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répéter&#xa0;:</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Définir le mot de passe</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address in the sign-in form first.</source>
        <translation>Saisissez d’abord l’adresse du serveur dans le formulaire de connexion.</translation>
    </message>
    <message>
        <source>Paste the setup token.</source>
        <translation>Collez le jeton de configuration.</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>Le mot de passe doit compter au moins %n caractère.</numerusform>
            <numerusform>Le mot de passe doit compter au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>Setting your password…</source>
        <translation>Définition de votre mot de passe…</translation>
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
        <translation>Locataire</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Locataire&#xa0;:</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Environnement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
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
        <translation>Jeton sans expiration</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Session renews %1</source>
        <translation>Renouvellement de la session %1</translation>
    </message>
    <message>
        <source>Token expires %1</source>
        <translation>Le jeton expire %1</translation>
    </message>
    <message>
        <source>Expiry overview</source>
        <translation>Vue d&apos;ensemble des expirations</translation>
    </message>
    <message>
        <source>Token Inspector</source>
        <translation>Inspecteur de jetons</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About TokenDesk</source>
        <translation>À &amp;propos de TokenDesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The language changes the next time TokenDesk starts.</source>
        <translation>La langue changera au prochain démarrage de TokenDesk.</translation>
    </message>
    <message>
        <source>Signed in with a token</source>
        <translation>Connecté avec un jeton</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n item(s)</source>
        <translation>
            <numerusform>%1 sur %n élément</numerusform>
            <numerusform>%1 sur %n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1 : %n élément</numerusform>
            <numerusform>%1 : %n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expiring within 7 days</source>
        <translation>
            <numerusform>%n expire dans les 7 jours</numerusform>
            <numerusform>%n expirent dans les 7 jours</numerusform>
        </translation>
    </message>
    <message>
        <source>The overview is incomplete: %1 could not be loaded. %2</source>
        <translation>La vue d&apos;ensemble est incomplète : %1 n&apos;ont pas pu être chargés. %2</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Connexions…</translation>
    </message>
    <message>
        <source>Risk review</source>
        <translation>Revue des risques</translation>
    </message>
    <message>
        <source>Calendar &amp;feed…</source>
        <translation>&amp;Flux calendrier…</translation>
    </message>
    <message>
        <source>Calendar feed</source>
        <translation>Flux calendrier</translation>
    </message>
    <message>
        <source>Create a calendar feed of this tenant&apos;s expiries? Calendar apps (Outlook, Google Calendar, Apple Calendar, Thunderbird) subscribe to its address and remind you 7 days and 1 day before each credential expires.

The address holds a new API key that can read the calendar and nothing else. It is shown once; revoke the key &quot;Calendar feed&quot; on the API keys page to end the feed.</source>
        <translation>Créer un flux calendrier des expirations de ce locataire&#xa0;? Les applications de calendrier (Outlook, Google Agenda, Calendrier Apple, Thunderbird) s’abonnent à son adresse et vous rappellent 7 jours et 1 jour avant chaque expiration.

L’adresse contient une nouvelle clé d’API qui peut lire le calendrier et rien d’autre. Elle n’est affichée qu’une fois&#xa0;; révoquez la clé «&#xa0;Flux calendrier&#xa0;» sur la page des clés d’API pour mettre fin au flux.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Read-only expiry calendar, subscribed to by a calendar app</source>
        <translation>Calendrier des expirations en lecture seule, auquel une application de calendrier est abonnée</translation>
    </message>
    <message>
        <source>The credential is no longer listed: it was deleted, or belongs to another tenant.</source>
        <translation>L&apos;identifiant n&apos;est plus listé&#xa0;: il a été supprimé ou appartient à un autre locataire.</translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation>&amp;Notifications…</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
</context>
<context>
    <name>td::ui::NotificationEndpointEditor</name>
    <message>
        <source>Edit notification endpoint</source>
        <translation>Modifier la destination de notification</translation>
    </message>
    <message>
        <source>Add notification endpoint</source>
        <translation>Ajouter une destination de notification</translation>
    </message>
    <message>
        <source>e.g. On-call channel</source>
        <translation>p. ex. canal d’astreinte</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation>Inchangée : %1</translation>
    </message>
    <message>
        <source>https://hooks.slack.com/services/…</source>
        <translation>https://hooks.slack.com/services/…</translation>
    </message>
    <message>
        <source>https:// address; http:// only to this machine (127.0.0.1, localhost).</source>
        <translation>Adresse https:// ; http:// seulement vers cette machine (127.0.0.1, localhost).</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>JSON (the event, for your own service)</source>
        <translation>JSON (l’événement, pour votre propre service)</translation>
    </message>
    <message>
        <source>Slack (incoming webhook text)</source>
        <translation>Slack (texte pour un webhook entrant)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>E&amp;xpiring, days before:</source>
        <translation>E&amp;xpire bientôt, jours avant :</translation>
    </message>
    <message>
        <source>Ex&amp;pired</source>
        <translation>Ex&amp;piré</translation>
    </message>
    <message>
        <source>&amp;Revoked</source>
        <translation>&amp;Révoqué</translation>
    </message>
    <message>
        <source>R&amp;otated</source>
        <translation>Renou&amp;velé</translation>
    </message>
    <message>
        <source>Refused &amp;10 times or more in 24 hours</source>
        <translation>Refusé &amp;10 fois ou plus en 24 heures</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Événements :</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
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
        <translation>Événements</translation>
    </message>
    <message>
        <source>Days before</source>
        <translation>Jours avant</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Destinations</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Give the endpoint a name.</source>
        <translation>Donnez un nom à la destination.</translation>
    </message>
    <message>
        <source>Enter the address that receives the notifications.</source>
        <translation>Saisissez l’adresse qui reçoit les notifications.</translation>
    </message>
    <message>
        <source>Choose at least one event.</source>
        <translation>Choisissez au moins un événement.</translation>
    </message>
    <message>
        <source>Choose when to announce an expiry.</source>
        <translation>Choisissez quand annoncer une expiration.</translation>
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
        <translation>Livrée</translation>
    </message>
    <message>
        <source>Failed, no more retries</source>
        <translation>Échec, plus de nouvel essai</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Retrying at %1</source>
        <translation>Nouvel essai à %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Expire bientôt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révoqué</translation>
    </message>
    <message>
        <source>Rotated</source>
        <translation>Renouvelé</translation>
    </message>
    <message>
        <source>Refused often</source>
        <translation>Souvent refusé</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Events about this tenant&apos;s credentials are posted to these addresses: a chat channel (Slack format) or your own service (JSON, signed with the endpoint&apos;s secret in X-TokenDesk-Signature). Failed deliveries are retried for a day.</source>
        <translation>Les événements concernant les identifiants de ce locataire sont envoyés à ces adresses : un canal de discussion (format Slack) ou votre propre service (JSON, signé avec le secret de la destination dans X-TokenDesk-Signature). Les livraisons échouées sont retentées pendant une journée.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
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
        <translation>Événements</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation>Envoyer un &amp;test</translation>
    </message>
    <message>
        <source>New &amp;secret…</source>
        <translation>Nouveau &amp;secret…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Essais</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Dernière réponse</translation>
    </message>
    <message numerus="yes">
        <source>A tenant has at most %n notification endpoint(s).</source>
        <translation>
            <numerusform>Un locataire a au plus %n destination de notification.</numerusform>
            <numerusform>Un locataire a au plus %n destinations de notification.</numerusform>
        </translation>
    </message>
    <message>
        <source>The notification endpoints could not be loaded: %1</source>
        <translation>Les destinations de notification n’ont pas pu être chargées : %1</translation>
    </message>
    <message>
        <source>Expiring (%1 days before)</source>
        <translation>Expire bientôt (%1 jours avant)</translation>
    </message>
    <message>
        <source>No endpoints yet: add one to be told when credentials expire, are revoked or are refused.</source>
        <translation>Aucune destination pour l’instant : ajoutez-en une pour savoir quand des identifiants expirent, sont révoqués ou refusés.</translation>
    </message>
    <message>
        <source>Deliveries could not be loaded: %1</source>
        <translation>Les livraisons n’ont pas pu être chargées : %1</translation>
    </message>
    <message>
        <source>No deliveries to &quot;%1&quot; yet.</source>
        <translation>Aucune livraison à « %1 » pour l’instant.</translation>
    </message>
    <message>
        <source>Last deliveries to &quot;%1&quot;:</source>
        <translation>Dernières livraisons à « %1 » :</translation>
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
        <translation>« %1 » ajoutée. Envoyez un test pour vérifier qu’il arrive.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>« %1 » enregistrée.</translation>
    </message>
    <message>
        <source>A test notification to &quot;%1&quot; is on its way; its delivery appears below.</source>
        <translation>Une notification de test vers « %1 » est en route ; sa livraison apparaît ci-dessous.</translation>
    </message>
    <message>
        <source>New signing secret</source>
        <translation>Nouveau secret de signature</translation>
    </message>
    <message>
        <source>Make a new signing secret for &quot;%1&quot;? The current one stops at once: the receiver must be given the new one, or it will reject every notification.</source>
        <translation>Créer un nouveau secret de signature pour « %1 » ? L’actuel cesse aussitôt : le destinataire doit recevoir le nouveau, sinon il rejettera chaque notification.</translation>
    </message>
    <message>
        <source>Make new secret</source>
        <translation>Créer un nouveau secret</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>Supprimer la destination</translation>
    </message>
    <message>
        <source>Delete the notification endpoint &quot;%1&quot;? Its pending deliveries are dropped and it receives nothing more.</source>
        <translation>Supprimer la destination de notification « %1 » ? Ses livraisons en attente sont abandonnées et elle ne reçoit plus rien.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>« %1 » supprimée.</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Secret de signature</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Identifiant</translation>
    </message>
</context>
<context>
    <name>td::ui::PeoplePage</name>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invité</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation>&amp;Inviter…</translation>
    </message>
    <message>
        <source>Make &amp;admin…</source>
        <translation>Nommer &amp;administrateur…</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>&amp;Désactiver…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>The credentials this person owns or made: UATs, private tokens, API keys</source>
        <translation>Les identifiants que cette personne possède ou a créés&#xa0;: UAT, jetons privés, clés d&apos;API</translation>
    </message>
    <message>
        <source>Re&amp;voke a person&apos;s UATs and private tokens when they are disabled or removed</source>
        <translation>&amp;Révoquer les UAT et les jetons privés d&apos;une personne lorsqu&apos;elle est désactivée ou retirée</translation>
    </message>
    <message>
        <source>Not loaded yet.</source>
        <translation>Pas encore chargé.</translation>
    </message>
    <message>
        <source>Reading the people of this tenant…</source>
        <translation>Lecture des personnes de ce locataire…</translation>
    </message>
    <message>
        <source>The people could not be read. %1</source>
        <translation>Les personnes n&apos;ont pas pu être lues. %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (vous)</translation>
    </message>
    <message>
        <source>%1, user name %2</source>
        <translation>%1, nom d&apos;utilisateur %2</translation>
    </message>
    <message>
        <source>Disabled since %1</source>
        <translation>Désactivé depuis le %1</translation>
    </message>
    <message>
        <source>Invited; has not set a password yet</source>
        <translation>Invité&#xa0;; n&apos;a pas encore défini de mot de passe</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s).</source>
        <translation>
            <numerusform>%n personne.</numerusform>
            <numerusform>%n personnes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invited.</source>
        <translation>
            <numerusform>%n invitée.</numerusform>
            <numerusform>%n invitées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disabled.</source>
        <translation>
            <numerusform>%n désactivée.</numerusform>
            <numerusform>%n désactivées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Make &amp;member…</source>
        <translation>Rétrograder en &amp;membre…</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>Réa&amp;ctiver</translation>
    </message>
    <message>
        <source>This is you: another admin must change your membership.</source>
        <translation>C&apos;est vous&#xa0;: seul un autre administrateur peut modifier votre appartenance à ce locataire.</translation>
    </message>
    <message>
        <source>Take admin from this person and from their tokens</source>
        <translation>Retirer les droits d&apos;administration à cette personne et à ses jetons</translation>
    </message>
    <message>
        <source>Let this person manage every credential and person of this tenant</source>
        <translation>Permettre à cette personne de gérer tous les identifiants et toutes les personnes de ce locataire</translation>
    </message>
    <message>
        <source>An invited person has not signed in yet: remove the invitation instead</source>
        <translation>Une personne invitée ne s&apos;est pas encore connectée&#xa0;: retirez plutôt l&apos;invitation</translation>
    </message>
    <message>
        <source>Let this person sign in again</source>
        <translation>Permettre à cette personne de se reconnecter</translation>
    </message>
    <message>
        <source>End this person&apos;s sessions and stop their tokens</source>
        <translation>Mettre fin aux sessions de cette personne et bloquer ses jetons</translation>
    </message>
    <message>
        <source>Remove this person from the tenant</source>
        <translation>Retirer cette personne du locataire</translation>
    </message>
    <message>
        <source>Invite someone to this tenant by e-mail</source>
        <translation>Inviter quelqu&apos;un dans ce locataire par son adresse e-mail</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Their tokens are revoked outright: enabling or adding the person again does not bring them back. API keys a person made stay either way: they belong to the tenant.</source>
        <translation>Les jetons de la personne sont révoqués définitivement&#xa0;: la réactiver ou l&apos;ajouter à nouveau ne les rétablit pas. Les clés d&apos;API créées par une personne restent dans tous les cas&#xa0;: elles appartiennent au locataire.</translation>
    </message>
    <message>
        <source>Otherwise their tokens only stop working while the person is disabled or removed, and work again when they are enabled. API keys a person made stay either way: they belong to the tenant.</source>
        <translation>Sinon, les jetons de la personne cessent seulement de fonctionner tant qu&apos;elle est désactivée ou retirée, et fonctionnent à nouveau lorsqu&apos;elle est réactivée. Les clés d&apos;API créées par une personne restent dans tous les cas&#xa0;: elles appartiennent au locataire.</translation>
    </message>
    <message>
        <source>The setting could not be changed. %1</source>
        <translation>Le paramètre n&apos;a pas pu être modifié. %1</translation>
    </message>
    <message>
        <source>From now on, disabling or removing a person revokes their UATs and private tokens.</source>
        <translation>Désormais, désactiver ou retirer une personne révoque ses UAT et ses jetons privés.</translation>
    </message>
    <message>
        <source>From now on, a person&apos;s UATs and private tokens only stop working while they are disabled or removed.</source>
        <translation>Désormais, les UAT et les jetons privés d&apos;une personne cessent seulement de fonctionner tant qu&apos;elle est désactivée ou retirée.</translation>
    </message>
    <message>
        <source>The invitation failed. %1</source>
        <translation>L&apos;invitation a échoué. %1</translation>
    </message>
    <message>
        <source>Invited %1 (%2). Send them the setup token and this server&apos;s address; the token works once, until %3.</source>
        <translation>Personne invitée&#xa0;: %1 (%2). Transmettez-lui le jeton de configuration et l&apos;adresse de ce serveur&#xa0;; le jeton ne fonctionne qu&apos;une fois, jusqu&apos;au %3.</translation>
    </message>
    <message>
        <source>Added %1 (%2): they have an account on this server already and sign in with their own password.</source>
        <translation>Personne ajoutée&#xa0;: %1 (%2). Elle a déjà un compte sur ce serveur et se connecte avec son propre mot de passe.</translation>
    </message>
    <message>
        <source>Setup token</source>
        <translation>Jeton de configuration</translation>
    </message>
    <message>
        <source>Send this setup token to %1 together with the server&apos;s address, %2. With it they choose their own password (POST %2/api/v1/auth/setup); it works once, until %3. Then they sign in with their e-mail address and that password.</source>
        <translation>Envoyez ce jeton de configuration à %1 avec l&apos;adresse du serveur, %2. Il lui permet de choisir son propre mot de passe (POST %2/api/v1/auth/setup)&#xa0;; il ne fonctionne qu&apos;une fois, jusqu&apos;au %3. La personne se connecte ensuite avec son adresse e-mail et ce mot de passe.</translation>
    </message>
    <message>
        <source>Reading the tokens of %1…</source>
        <translation>Lecture des jetons de %1…</translation>
    </message>
    <message>
        <source>The tokens of %1 could not be read. %2</source>
        <translation>Les jetons de %1 n&apos;ont pas pu être lus. %2</translation>
    </message>
    <message>
        <source>%1 was changed meanwhile; the list is read again.</source>
        <translation>Le compte de %1 a été modifié entre-temps&#xa0;; la liste est relue.</translation>
    </message>
    <message>
        <source>The tenant&apos;s settings could not be read. %1</source>
        <translation>Les paramètres du locataire n&apos;ont pas pu être lus. %1</translation>
    </message>
    <message>
        <source>Disable person</source>
        <translation>Désactiver la personne</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Disable %1? Their sessions in this tenant end now, and they cannot sign in to it until you enable them again.</source>
        <translation>Désactiver %1&#xa0;? Ses sessions dans ce locataire prennent fin immédiatement, et cette personne ne pourra plus s&apos;y connecter tant que vous ne l&apos;aurez pas réactivée.</translation>
    </message>
    <message>
        <source>They have no UATs or private tokens.</source>
        <translation>Cette personne n&apos;a ni UAT ni jeton privé.</translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) are revoked; enabling them again does not bring them back:</source>
        <translation>
            <numerusform>%n jeton de cette personne est révoqué&#xa0;; la réactiver ne le rétablira pas&#xa0;:</numerusform>
            <numerusform>%n jetons de cette personne sont révoqués&#xa0;; la réactiver ne les rétablira pas&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) stop working until you enable them again:</source>
        <translation>
            <numerusform>%n jeton de cette personne cesse de fonctionner jusqu&apos;à ce que vous la réactiviez&#xa0;:</numerusform>
            <numerusform>%n jetons de cette personne cessent de fonctionner jusqu&apos;à ce que vous la réactiviez&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>API keys they made stay: they belong to the tenant.</source>
        <translation>Les clés d&apos;API que cette personne a créées restent&#xa0;: elles appartiennent au locataire.</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Retirer la personne</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove %1 from this tenant? They were invited and have not signed in yet; they will not be able to.</source>
        <translation>Retirer %1 de ce locataire&#xa0;? Cette personne a été invitée et ne s&apos;est pas encore connectée&#xa0;; elle ne pourra plus le faire.</translation>
    </message>
    <message>
        <source>Remove %1 from this tenant? Their sessions here end now, and they can no longer sign in to it.</source>
        <translation>Retirer %1 de ce locataire&#xa0;? Ses sessions ici prennent fin immédiatement, et cette personne ne pourra plus s&apos;y connecter.</translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) are revoked:</source>
        <translation>
            <numerusform>%n jeton de cette personne est révoqué&#xa0;:</numerusform>
            <numerusform>%n jetons de cette personne sont révoqués&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) stop working:</source>
        <translation>
            <numerusform>%n jeton de cette personne cesse de fonctionner&#xa0;:</numerusform>
            <numerusform>%n jetons de cette personne cessent de fonctionner&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>API keys they made stay: they belong to the tenant, and the Risk review lists them as made by someone who left.</source>
        <translation>Les clés d&apos;API que cette personne a créées restent&#xa0;: elles appartiennent au locataire, et la revue des risques les signale comme créées par quelqu&apos;un qui est parti.</translation>
    </message>
    <message>
        <source>Make member</source>
        <translation>Rétrograder en membre</translation>
    </message>
    <message>
        <source>Make %1 a member? They can no longer manage this tenant&apos;s credentials and people; they keep managing their own UATs and private tokens.</source>
        <translation>Rétrograder %1 en membre&#xa0;? Cette personne ne pourra plus gérer les identifiants et les personnes de ce locataire&#xa0;; elle continuera de gérer ses propres UAT et jetons privés.</translation>
    </message>
    <message numerus="yes">
        <source>Their %n token(s) lose admin at once:</source>
        <translation>
            <numerusform>%n jeton de cette personne perd immédiatement les droits d&apos;administration&#xa0;:</numerusform>
            <numerusform>%n jetons de cette personne perdent immédiatement les droits d&apos;administration&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Nommer administrateur</translation>
    </message>
    <message>
        <source>Make %1 an admin? They can then manage every credential and every person of this tenant, and so can their tokens that hold admin.</source>
        <translation>Nommer %1 administrateur&#xa0;? Cette personne pourra alors gérer tous les identifiants et toutes les personnes de ce locataire, tout comme ses jetons qui détiennent les droits d&apos;administration.</translation>
    </message>
    <message>
        <source>Changing %1…</source>
        <translation>Modification de %1…</translation>
    </message>
    <message>
        <source>%1 was not changed. %2</source>
        <translation>Le compte de %1 n&apos;a pas été modifié. %2</translation>
    </message>
    <message numerus="yes">
        <source>Disabled %1. Revoked their %n token(s): %2</source>
        <translation>
            <numerusform>Vous avez désactivé %1. %n jeton révoqué&#xa0;: %2</numerusform>
            <numerusform>Vous avez désactivé %1. %n jetons révoqués&#xa0;: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %1. Their %n token(s) stop working until they are enabled again: %2</source>
        <translation>
            <numerusform>Vous avez désactivé %1. %n jeton cesse de fonctionner jusqu&apos;à sa réactivation&#xa0;: %2</numerusform>
            <numerusform>Vous avez désactivé %1. %n jetons cessent de fonctionner jusqu&apos;à sa réactivation&#xa0;: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Disabled %1. They had no UATs or private tokens.</source>
        <translation>Vous avez désactivé %1. Cette personne n&apos;avait ni UAT ni jeton privé.</translation>
    </message>
    <message numerus="yes">
        <source>Enabled %1. Their %n token(s) work again: %2</source>
        <translation>
            <numerusform>Vous avez réactivé %1. %n jeton fonctionne à nouveau&#xa0;: %2</numerusform>
            <numerusform>Vous avez réactivé %1. %n jetons fonctionnent à nouveau&#xa0;: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation>Vous avez réactivé %1.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 from the tenant. Revoked their %n token(s): %2</source>
        <translation>
            <numerusform>Vous avez retiré %1 du locataire. %n jeton révoqué&#xa0;: %2</numerusform>
            <numerusform>Vous avez retiré %1 du locataire. %n jetons révoqués&#xa0;: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 from the tenant. Their %n token(s) stopped working: %2</source>
        <translation>
            <numerusform>Vous avez retiré %1 du locataire. %n jeton a cessé de fonctionner&#xa0;: %2</numerusform>
            <numerusform>Vous avez retiré %1 du locataire. %n jetons ont cessé de fonctionner&#xa0;: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed %1 from the tenant.</source>
        <translation>Vous avez retiré %1 du locataire.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is a member now. Their %n token(s) lost admin: %2</source>
        <translation>
            <numerusform>%1 est désormais membre. %n jeton a perdu les droits d&apos;administration&#xa0;: %2</numerusform>
            <numerusform>%1 est désormais membre. %n jetons ont perdu les droits d&apos;administration&#xa0;: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a member now.</source>
        <translation>%1 est désormais membre.</translation>
    </message>
    <message>
        <source>%1 is an admin now.</source>
        <translation>%1 a désormais le rôle d&apos;administrateur.</translation>
    </message>
</context>
<context>
    <name>td::ui::RefusalsView</name>
    <message>
        <source>%1 is outside the allowlist %2: add it to the allowlist if the client is allowed there.</source>
        <translation>%1 est hors de la liste autorisée %2 : ajoutez-la si le client y est autorisé.</translation>
    </message>
    <message>
        <source>A request needed a scope it does not hold: %1 Generate a credential with that scope, or use one that has it.</source>
        <translation>Une requête demandait une portée qu&apos;il n&apos;a pas : %1 Générez un identifiant avec cette portée, ou utilisez-en un qui l&apos;a.</translation>
    </message>
    <message>
        <source>It was sent for another tenant than its own (from %1): send it without X-Tenant-Id, or with its own tenant.</source>
        <translation>Il a été envoyé pour un autre locataire que le sien (depuis %1) : envoyez-le sans X-Tenant-Id, ou avec son propre locataire.</translation>
    </message>
    <message>
        <source>It was used after it stopped working (%1), from %2: the client needs a new credential.</source>
        <translation>Il a été utilisé après avoir cessé de fonctionner (%1), depuis %2 : le client a besoin d&apos;un nouvel identifiant.</translation>
    </message>
    <message numerus="yes">
        <source>No refused requests in the last %n day(s).</source>
        <translation>
            <numerusform>Aucune requête refusée ce %n dernier jour.</numerusform>
            <numerusform>Aucune requête refusée ces %n derniers jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add %1 to the allowlist…</source>
        <translation>Ajouter %1 à la liste autorisée…</translation>
    </message>
</context>
<context>
    <name>td::ui::RiskReviewPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Révoquer…</translation>
    </message>
    <message>
        <source>Set e&amp;xpiry…</source>
        <translation>Définir l’e&amp;xpiration…</translation>
    </message>
    <message>
        <source>&amp;Narrow scopes…</source>
        <translation>Restr&amp;eindre les portées…</translation>
    </message>
    <message>
        <source>Keep only the scopes each credential needed in the last 30 days.</source>
        <translation>Ne garder que les portées dont chaque identifiant a eu besoin ces 30 derniers jours.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Pas encore vérifié.</translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) with admin rights and no IP allowlist</source>
        <translation>
            <numerusform>%n identifiant avec droits d’administration et sans liste d’IP autorisées</numerusform>
            <numerusform>%n identifiants avec droits d’administration et sans liste d’IP autorisées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) refused 10 times or more in the last 24 hours</source>
        <translation>
            <numerusform>%n identifiant refusé 10 fois ou plus ces dernières 24 heures</numerusform>
            <numerusform>%n identifiants refusés 10 fois ou plus ces dernières 24 heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) still used after their rotation</source>
        <translation>
            <numerusform>%n identifiant encore utilisé après son renouvellement</numerusform>
            <numerusform>%n identifiants encore utilisés après leur renouvellement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) that never expire</source>
        <translation>
            <numerusform>%n identifiant qui n’expire jamais</numerusform>
            <numerusform>%n identifiants qui n’expirent jamais</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) holding scopes they have not needed for 30 days</source>
        <translation>
            <numerusform>%n identifiant détenant des portées dont il n’a pas eu besoin depuis 30 jours</numerusform>
            <numerusform>%n identifiants détenant des portées dont ils n’ont pas eu besoin depuis 30 jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) not used for 90 days or more</source>
        <translation>
            <numerusform>%n identifiant inutilisé depuis 90 jours ou plus</numerusform>
            <numerusform>%n identifiants inutilisés depuis 90 jours ou plus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) never used, created more than 7 days ago</source>
        <translation>
            <numerusform>%n identifiant jamais utilisé, créé il y a plus de 7 jours</numerusform>
            <numerusform>%n identifiants jamais utilisés, créés il y a plus de 7 jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s): %1</source>
        <translation>
            <numerusform>%n identifiant&#xa0;: %1</numerusform>
            <numerusform>%n identifiants&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Holds admin and works from any address</source>
        <translation>Détient admin et fonctionne depuis n’importe quelle adresse</translation>
    </message>
    <message numerus="yes">
        <source>%n refusal(s) in the last 24 hours</source>
        <translation>
            <numerusform>%n refus ces dernières 24 heures</numerusform>
            <numerusform>%n refus ces dernières 24 heures</numerusform>
        </translation>
    </message>
    <message>
        <source>Last used %1; its grace ends %2</source>
        <translation>Dernière utilisation le %1&#xa0;; son délai de grâce se termine le %2</translation>
    </message>
    <message>
        <source>Created %1, no expiry</source>
        <translation>Créé le %1, sans expiration</translation>
    </message>
    <message>
        <source>Holds %1; needed none of them in 30 days: revoke it</source>
        <translation>Détient %1&#xa0;; n’en a utilisé aucune en 30 jours&#xa0;: à révoquer</translation>
    </message>
    <message>
        <source>Holds %1 it did not need; used only %2 in 30 days: narrow to %2</source>
        <translation>Détient %1 sans en avoir besoin&#xa0;; n’a utilisé que %2 en 30 jours&#xa0;: restreindre à %2</translation>
    </message>
    <message>
        <source>Last used %1</source>
        <translation>Dernière utilisation le %1</translation>
    </message>
    <message>
        <source>Created %1, never used</source>
        <translation>Créé le %1, jamais utilisé</translation>
    </message>
    <message>
        <source>Checking the credentials…</source>
        <translation>Vérification des identifiants…</translation>
    </message>
    <message>
        <source>The findings could not be read. %1</source>
        <translation>Les constats n’ont pas pu être lus. %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>No findings (checked at %1): every credential is used, expires, and holds only what it needs.</source>
        <translation>Aucun constat (vérifié à %1)&#xa0;: chaque identifiant est utilisé, expire et ne détient que ce dont il a besoin.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) (checked at %1).</source>
        <translation>
            <numerusform>%n constat (vérifié à %1).</numerusform>
            <numerusform>%n constats (vérifié à %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>A credential can appear under several; check the ones to act on, then choose an action.</source>
        <translation>Un identifiant peut apparaître dans plusieurs groupes&#xa0;; cochez ceux sur lesquels agir, puis choisissez une action.</translation>
    </message>
    <message numerus="yes">
        <source>(the newest %n listed)</source>
        <translation>
            <numerusform>(le %n plus récent listé)</numerusform>
            <numerusform>(les %n plus récents listés)</numerusform>
        </translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>%1: keep %2</source>
        <translation>%1&#xa0;: garder %2</translation>
    </message>
    <message>
        <source>None of the checked credentials needed any of its scopes; revoke them instead.</source>
        <translation>Aucun des identifiants cochés n’a eu besoin de ses portées&#xa0;; révoquez-les plutôt.</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n credential(s)? Every request made with them fails from now on; this cannot be undone.</source>
        <translation>
            <numerusform>Révoquer %n identifiant&#xa0;? Toute requête faite avec lui échoue désormais&#xa0;; c’est irréversible.</numerusform>
            <numerusform>Révoquer %n identifiants&#xa0;? Toute requête faite avec eux échoue désormais&#xa0;; c’est irréversible.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Narrow the scopes of %n credential(s) to those they needed in the last 30 days? Requests that need a dropped scope are refused from now on.</source>
        <translation>
            <numerusform>Restreindre les portées de %n identifiant à celles utilisées ces 30 derniers jours&#xa0;? Les requêtes qui ont besoin d’une portée retirée sont désormais refusées.</numerusform>
            <numerusform>Restreindre les portées de %n identifiants à celles utilisées ces 30 derniers jours&#xa0;? Les requêtes qui ont besoin d’une portée retirée sont désormais refusées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Narrow scopes</source>
        <translation>Restreindre les portées</translation>
    </message>
    <message numerus="yes">
        <source>%n needed none of its scopes and is left as it is.</source>
        <translation>
            <numerusform>%n identifiant n’a eu besoin d’aucune de ses portées et reste tel quel.</numerusform>
            <numerusform>%n identifiants n’ont eu besoin d’aucune de leurs portées et restent tels quels.</numerusform>
        </translation>
    </message>
    <message>
        <source>Narrow</source>
        <translation>Restreindre</translation>
    </message>
    <message>
        <source>Set expiry</source>
        <translation>Définir l’expiration</translation>
    </message>
    <message numerus="yes">
        <source>Make %n credential(s) expire. An expiry can only be brought forward: those that already expire sooner keep their date.</source>
        <translation>
            <numerusform>Faire expirer %n identifiant. Une expiration ne peut qu’être avancée&#xa0;: ceux qui expirent déjà plus tôt gardent leur date.</numerusform>
            <numerusform>Faire expirer %n identifiants. Une expiration ne peut qu’être avancée&#xa0;: ceux qui expirent déjà plus tôt gardent leur date.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>Dans %n jour</numerusform>
            <numerusform>Dans %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>On a date…</source>
        <translation>À une date…</translation>
    </message>
    <message>
        <source>&amp;Expires:</source>
        <translation>&amp;Expire&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>Changing %n credential(s)…</source>
        <translation>
            <numerusform>Modification de %n identifiant…</numerusform>
            <numerusform>Modification de %n identifiants…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n credential(s).</source>
        <translation>
            <numerusform>%n identifiant révoqué.</numerusform>
            <numerusform>%n identifiants révoqués.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Narrowed the scopes of %n credential(s).</source>
        <translation>
            <numerusform>Portées de %n identifiant restreintes.</numerusform>
            <numerusform>Portées de %n identifiants restreintes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the expiry of %n credential(s).</source>
        <translation>
            <numerusform>Expiration de %n identifiant définie.</numerusform>
            <numerusform>Expiration de %n identifiants définie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) failed: %1</source>
        <translation>
            <numerusform>%n modification a échoué&#xa0;: %1</numerusform>
            <numerusform>%n modifications ont échoué&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The actions apply to the %n checked credential(s) of the selected group.</source>
        <translation>
            <numerusform>Les actions s’appliquent à %n identifiant coché du groupe sélectionné.</numerusform>
            <numerusform>Les actions s’appliquent aux %n identifiants cochés du groupe sélectionné.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already expired sooner and kept their date.</source>
        <translation>
            <numerusform>%n expirait déjà plus tôt et garde sa date.</numerusform>
            <numerusform>%n expiraient déjà plus tôt et gardent leur date.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n API key(s) made by someone who has left the tenant</source>
        <translation>
            <numerusform>%n clé d&apos;API créée par quelqu&apos;un qui a quitté le locataire</numerusform>
            <numerusform>%n clés d&apos;API créées par quelqu&apos;un qui a quitté le locataire</numerusform>
        </translation>
    </message>
    <message>
        <source>Made by %1, who may still hold it: rotate it</source>
        <translation>Créée par %1, qui la détient peut-être encore&#xa0;: à renouveler</translation>
    </message>
</context>
<context>
    <name>td::ui::RotateDialog</name>
    <message>
        <source>Rotate &quot;%1&quot;</source>
        <translation>Renouveler «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>A new secret replaces &quot;%1&quot; with the same name, scopes and allowlist. The old secret keeps working for the grace period, so that its users can switch over.</source>
        <translation>Un nouveau secret remplace «&#xa0;%1&#xa0;», avec le même nom, les mêmes portées et la même liste d&apos;IP autorisées. L&apos;ancien secret reste valable pendant le délai de grâce, afin que ses utilisateurs puissent basculer.</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>Délai de grâce</translation>
    </message>
    <message>
        <source>None: the old secret stops now</source>
        <translation>Aucun&#xa0;: l&apos;ancien secret cesse de fonctionner immédiatement</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 heures</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 jours</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 jours</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>&amp;Délai de grâce&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Renouveler</translation>
    </message>
    <message>
        <source>New one &amp;valid until:</source>
        <translation>Nouveau &amp;valide jusqu&apos;au :</translation>
    </message>
    <message>
        <source>New one &amp;expires:</source>
        <translation>Le nouveau &amp;expire :</translation>
    </message>
</context>
<context>
    <name>td::ui::SecretDialog</name>
    <message>
        <source>&lt;b&gt;Copy the secret of &quot;%1&quot; now.&lt;/b&gt; It is shown only this once: TokenDesk does not keep it and the server stores only a digest, so nobody can show it again.</source>
        <translation>&lt;b&gt;Copiez maintenant le secret de «&#xa0;%1&#xa0;».&lt;/b&gt; Il n&apos;est affiché qu&apos;une seule fois&#xa0;: TokenDesk ne le conserve pas et le serveur n&apos;en stocke qu&apos;une empreinte&#xa0;; personne ne pourra donc l&apos;afficher à nouveau.</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Nouveau secret</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the secret</source>
        <translation>Copier le secret</translation>
    </message>
    <message>
        <source>The clipboard is cleared after 30 seconds unless you copy something else.</source>
        <translation>Le presse-papiers est vidé après 30 secondes, sauf si vous copiez autre chose entre-temps.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in 30 seconds.</source>
        <translation>Copié. Le presse-papiers sera vidé dans 30 secondes.</translation>
    </message>
    <message>
        <source>I have stored the secret in a safe place</source>
        <translation>J&apos;ai conservé le secret en lieu sûr</translation>
    </message>
    <message>
        <source>Close without the secret?</source>
        <translation>Fermer sans le secret&#xa0;?</translation>
    </message>
    <message>
        <source>The secret cannot be shown again. If you have not stored it, you will have to rotate or generate a new one. Close anyway?</source>
        <translation>Le secret ne pourra plus être affiché. Si vous ne l&apos;avez pas conservé, vous devrez le renouveler ou en générer un nouveau. Fermer quand même&#xa0;?</translation>
    </message>
    <message>
        <source>Try it:</source>
        <translation>Essayez-le :</translation>
    </message>
    <message>
        <source>Copy &amp;example</source>
        <translation>Copier l&apos;&amp;exemple</translation>
    </message>
</context>
<context>
    <name>td::ui::TrayNotifier</name>
    <message>
        <source>&amp;Open TokenDesk</source>
        <translation>&amp;Ouvrir TokenDesk</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Vérifier maintenant</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Expiring soon — %1</source>
        <translation>Expire bientôt — %1</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; expires within a day.</source>
        <translation>%1 «&#xa0;%2&#xa0;» expire dans moins d&apos;un jour.</translation>
    </message>
    <message numerus="yes">
        <source>%1 &quot;%2&quot; expires in %n day(s).</source>
        <translation>
            <numerusform>%1 «&#xa0;%2&#xa0;» expire dans %n jour.</numerusform>
            <numerusform>%1 «&#xa0;%2&#xa0;» expire dans %n jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>TokenDesk: notifies of expiring credentials</source>
        <translation>TokenDesk&#xa0;: avertit des identifiants qui expirent</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>td::ui::UsageChart</name>
    <message>
        <source>Requests per day</source>
        <translation>Requêtes par jour</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the last %1 days</source>
        <translation>
            <numerusform>%n requête ces %1 derniers jours</numerusform>
            <numerusform>%n requêtes ces %1 derniers jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>td::ui::UsageView</name>
    <message numerus="yes">
        <source>%n request(s) in the last %1 days</source>
        <translation>
            <numerusform>%n requête ces %1 derniers jours</numerusform>
            <numerusform>%n requêtes ces %1 derniers jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n address(es).</source>
        <translation>
            <numerusform>depuis %n adresse.</numerusform>
            <numerusform>depuis %n adresses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s), last %1</source>
        <translation>
            <numerusform>%n requête, dernière %1</numerusform>
            <numerusform>%n requêtes, dernière %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
    <message>
        <source>Clients (user agents)</source>
        <translation>Clients (user agents)</translation>
    </message>
    <message>
        <source>Scopes used:</source>
        <translation>Portées utilisées :</translation>
    </message>
    <message>
        <source>Held but not used:</source>
        <translation>Détenues mais inutilisées :</translation>
    </message>
</context>
</TS>
