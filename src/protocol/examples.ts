/**
 * Example payloads: copied verbatim from Autel's Firmware Upgrade documentation (SEED_*), and in the
 * shape the DJI Cloud API documents (PROTOCOL_*); docs/protocol.md links both. Tests decode them; the
 * simulator and e2e specs may reuse them as known-good traffic.
 */

/** Autel: ota_progress on thing/product/{gateway_sn}/events (a failed download). */
export const SEED_OTA_PROGRESS = `{
"bid":"8ca0ffa2-5e72-4078-8fa9-dc68216ff5d1",
"data":{
"output":{
"progress":{
"percent":0,
"step":1,
"step_key":"download_firmware"
},
"status":"failed",
"sub_status":"DOWNLOAD_FAILED"
},
"result":0
},
"tid":"74045eba-bd24-4106-b455-d3577f3cbf52",
"timestamp":1707048089244,
"method":"ota_progress"
}`;

/** Autel: ota_create on thing/product/{gateway_sn}/services. */
export const SEED_OTA_CREATE = `{
"bid":"8ca0ffa2-5e72-4078-8fa9-dc68216ff5d1",
"data":{
"devices":[
{
"file_name":"EvoNest-V1.2.0.69-20231215094829.Encrypt.uav",
"file_size":603696942,
"file_url":"http://192.168.1.1:9000/public/EvoNest-V1.2.0.69-20231215094829.Encrypt.uav",
"firmware_upgrade_type":3,
"md5":"d1c9dacec124abd350379eb44b9143e5",
"product_version":"1.2.0.69",
"sn":"NM1923221021"
}
]
},
"tid":"74045eba-bd24-4106-b455-d3577f3cbf52",
"timestamp":1654070968655,
"method":"ota_create"
}`;

/** Autel: services_reply to ota_create; note the progress block and the empty sub_status and step_key. */
export const SEED_SERVICES_REPLY = `{
"bid":"149878685687484417",
"data":{
"output":{
"progress":{
"percent":0,
"step":1,
"step_key":""
},
"status":"sent",
"sub_status":""
},
"result":0
},
"tid":"5bdd5c11-469c-45d9-afce-d9ec3025f379",
"timestamp":1708573102118,
"method":"ota_create"
}`;

/** DJI: a state message on thing/product/{device_sn}/state. */
export const PROTOCOL_STATE = `{"gateway":"DOCK1","data":{
"firmware_version":"10.01.3205","compatible_status":0,"firmware_upgrade_status":0}}`;
