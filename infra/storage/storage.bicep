@description('3 to 24 lower-case letters and digits, unique in Azure')
param storageName string
param location string
param storageSKU string

@description('The service identity: it reads and writes the tables, with no account key anywhere')
param principalId string

@description('Days each access audit blob stays immutable (WORM): no one can delete or overwrite it until then')
@minValue(1)
@maxValue(146000)
param auditImmutabilityDays int

// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
var StorageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

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

// The access audit: one append blob a day in the `audit` container, under a time-based immutability (WORM)
// policy that allows protected append writes, so a blob can grow but never be overwritten or deleted until its
// period ends. Lock the policy once it is right (README, Data protection): a locked policy cannot be shortened.
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  name: 'default'
  parent: storage
}

resource auditContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  name: 'audit'
  parent: blobService
  properties: {
    publicAccess: 'None'
  }
}

resource auditImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  name: 'default'
  parent: auditContainer
  properties: {
    immutabilityPeriodSinceCreationInDays: auditImmutabilityDays
    allowProtectedAppendWrites: true
  }
}

// Storage Blob Data Contributor would let the service delete its own trail: this role reads and appends blobs,
// with no delete action, and is assigned on the audit container alone.
resource auditAppender 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'family-centre-audit-appender')
  properties: {
    roleName: 'Family Centre audit appender (${storage.name})'
    description: 'Read, create and append to blobs in the access audit container; never delete.'
    type: 'CustomRole'
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'
        ]
        notDataActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

resource auditRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(auditContainer.id, principalId, auditAppender.id)
  scope: auditContainer
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: auditAppender.id
  }
}

output tableEndpoint string = 'https://${storage.name}.table.${environment().suffixes.storage}'
output blobEndpoint string = 'https://${storage.name}.blob.${environment().suffixes.storage}'
