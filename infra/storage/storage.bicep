@description('3 to 24 lower-case letters and digits, unique in Azure')
param storageName string
param location string
param storageSKU string

@description('The service identity: it reads and writes the tables, with no account key anywhere')
param principalId string

@description('Also let the identity write blobs: for the append-only audit once it ships; off until then')
param auditBlobAccess bool

// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
var StorageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var StorageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  kind: 'StorageV2'
  location: location
  sku: {
    name: storageSKU
  }
  properties: {
    allowSharedKeyAccess: false // Entra ID only: a leaked key cannot read a case
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

// The service creates its tables at start-up (Cases, Messages, Worklists, ...).
resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  name: 'default'
  parent: storage
}

resource tableRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, StorageTableDataContributor)
  scope: storage
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', StorageTableDataContributor)
  }
}

resource blobRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (auditBlobAccess) {
  name: guid(storage.id, principalId, StorageBlobDataContributor)
  scope: storage
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', StorageBlobDataContributor)
  }
}

output tableEndpoint string = 'https://${storage.name}.table.${environment().suffixes.storage}'
