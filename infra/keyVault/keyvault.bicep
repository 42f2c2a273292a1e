@description('3 to 24 letters, digits and hyphens, unique in Azure')
param keyVaultName string
param location string

@description('The service identity: it may read the one secret below, nothing else')
param principalId string

@secure()
@description('The random clientState Graph echoes on every change notification (16 to 128 characters)')
param notificationClientState string

// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
var KeyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true // Azure roles, not access policies
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
  }
}

resource clientStateSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'notification-client-state'
  properties: {
    value: notificationClientState
  }
}

// Scoped to the secret, not the vault: least privilege.
resource secretsUserRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(clientStateSecret.id, principalId, KeyVaultSecretsUser)
  scope: clientStateSecret
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', KeyVaultSecretsUser)
  }
}

// Versionless, so App Service follows a rotated secret.
output clientStateSecretUri string = '${keyVault.properties.vaultUri}secrets/${clientStateSecret.name}'
