@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file: lower-case letters and digits')
param resourceBaseName string

@description('App Service plan size; Basic (B1) or above, since alwaysOn is not offered on Free or Shared')
param webAppSKU string

param storageSKU string = 'Standard_LRS'

@maxLength(42)
param botDisplayName string

@description('The Entra app the tab signs in with (created by the Agents Toolkit): the API audience')
param aadAppClientId string

@description('The Teams app (created by the Agents Toolkit, the manifest id): cards link into the tab through it')
param teamsAppId string

@description('The Family Centre group mailbox (FC_MAILBOX)')
param mailbox string

@description('The desk address(es), comma-separated, that forward Front Door contacts (FC_EARLY_HELP_DESK)')
param earlyHelpDesk string

@description('The centre name used in letters (FC_CENTRE_NAME)')
param centreName string

@description('The practice framework in force: family-solutions or bexley (FC_PROFILE)')
param practiceProfile string

@secure()
@description('A random secret, 16 to 128 characters, Graph echoes on every change notification')
param notificationClientState string

@description('Days each day\'s access audit blob stays immutable (WORM); the council\'s retention schedule says how long')
param auditImmutabilityDays int = 2190

param serverfarmsName string = resourceBaseName
param webAppName string = resourceBaseName
param identityName string = resourceBaseName
param botIdentityName string = '${resourceBaseName}-bot'
param storageName string = resourceBaseName
param keyVaultName string = '${resourceBaseName}-kv'
param location string = resourceGroup().location

// The service's identity for what it calls: Graph (scoped to the mailbox by Exchange RBAC for Applications), the
// tables and the Key Vault secret. No client secret exists.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  location: location
  name: identityName
}

// The bot's own identity, separate from the service's, so a token for one is never taken for the other (the
// service refuses FC_BOT_APP_ID equal to FC_CLIENT_ID). It holds no role on any resource.
resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  location: location
  name: botIdentityName
}

module storage './storage/storage.bicep' = {
  name: 'Storage'
  params: {
    storageName: storageName
    location: location
    storageSKU: storageSKU
    principalId: identity.properties.principalId
    auditImmutabilityDays: auditImmutabilityDays
  }
}

module keyVault './keyVault/keyvault.bicep' = {
  name: 'Key-Vault'
  params: {
    keyVaultName: keyVaultName
    location: location
    principalId: identity.properties.principalId
    notificationClientState: notificationClientState
  }
}

module monitoring './monitoring/monitoring.bicep' = {
  name: 'Monitoring'
  params: {
    resourceBaseName: resourceBaseName
    location: location
  }
}

// Compute resources for the service (Linux)
resource serverfarm 'Microsoft.Web/serverfarms@2022-09-01' = {
  kind: 'linux'
  location: location
  name: serverfarmsName
  sku: {
    name: webAppSKU
  }
  properties: {
    reserved: true
  }
}

// The one Node.js service: bot, tab, Graph notifications and the jobs. alwaysOn, because the agendas, nudges and
// nightly repair run inside it: an idle-unloaded app would miss them.
resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  kind: 'app,linux'
  location: location
  name: webAppName
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // deploy/service-command.ts: V8's heap capped, so garbage never takes the process past its memory budget.
      appCommandLine: 'node --max-old-space-size=192 dist/src/server.js'
      alwaysOn: true
      // Liveness only: an instance whose Graph or storage is briefly down should not be recycled for it.
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
      '${botIdentity.id}': {}
    }
  }
}

// Every setting the service needs in production (src/config.ts); the secret is a Key Vault reference.
resource webAppSettings 'Microsoft.Web/sites/config@2022-09-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    NODE_ENV: 'production'
    FC_MODE: 'production'
    FC_PORT: '8080'
    FC_PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
    FC_TENANT_ID: identity.properties.tenantId
    FC_CLIENT_ID: identity.properties.clientId
    FC_USE_MANAGED_IDENTITY: 'true'
    FC_BOT_APP_ID: botIdentity.properties.clientId
    FC_BOT_APP_TYPE: 'UserAssignedMSI'
    FC_TEAMS_APP_ID: teamsAppId
    FC_API_AUDIENCE: 'api://${webApp.properties.defaultHostName}/${aadAppClientId},${aadAppClientId}'
    FC_STORAGE_ACCOUNT_URL: storage.outputs.tableEndpoint
    FC_AUDIT_BLOB_ACCOUNT_URL: storage.outputs.blobEndpoint
    FC_NOTIFICATION_CLIENT_STATE: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.clientStateSecretUri})'
    FC_MAILBOX: mailbox
    FC_EARLY_HELP_DESK: earlyHelpDesk
    FC_CENTRE_NAME: centreName
    FC_PROFILE: practiceProfile
    APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  }
}

// Register the service as a bot with the Bot Framework
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    identityClientId: botIdentity.properties.clientId
    identityResourceId: botIdentity.id
    identityTenantId: botIdentity.properties.tenantId
    botAppDomain: webApp.properties.defaultHostName
    botDisplayName: botDisplayName
  }
}

// The outputs are written to env/.env.{envName} by the Agents Toolkit, so the app package and the operator CLI read
// the same values the service runs with. Visit https://aka.ms/teamsfx-actions/arm-deploy for more details.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output FC_PUBLIC_BASE_URL string = 'https://${webApp.properties.defaultHostName}'
output FC_TENANT_ID string = identity.properties.tenantId
output FC_BOT_APP_ID string = botIdentity.properties.clientId
output FC_API_AUDIENCE string = 'api://${webApp.properties.defaultHostName}/${aadAppClientId},${aadAppClientId}'
output FC_STORAGE_ACCOUNT_URL string = storage.outputs.tableEndpoint
output FC_AUDIT_BLOB_ACCOUNT_URL string = storage.outputs.blobEndpoint
// For the Exchange RBAC for Applications step printed after provisioning (New-ServicePrincipal).
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
