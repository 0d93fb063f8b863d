/**
 * What a dock sends besides ota_progress, for the bench's mix load: an osd every 2 s and a state
 * when a property changes. The properties and their shapes are DJI Cloud API's documented Dock 2
 * properties (pushMode 0 goes to osd, pushMode 1 to state); the values move a little from message
 * to message so no two payloads are the same bytes. A real dock splits its osd properties over a
 * few messages; one message with all of them has the same bytes per second to receive.
 */
import { v4 as uuidv4 } from 'uuid';

/** Dock mode_code: 0 idle, 3 firmware upgrading (the one field the console reads). */
const MODE_IDLE = 0;
const MODE_UPGRADING = 3;

function jitter(base: number, spread: number, n: number): number {
  // Deterministic per message number: cheap, and the same run publishes the same bytes.
  return Math.round((base + spread * Math.sin(n * 0.7)) * 10) / 10;
}

/** data of one dock osd: about 2.6 KB of JSON. */
export function dockOsdData(aircraftSn: string, upgrading: boolean, n: number): Record<string, unknown> {
  return {
    mode_code: upgrading ? MODE_UPGRADING : MODE_IDLE,
    flighttask_step_code: 5,
    job_number: 412,
    acc_time: 5_184_000 + n * 2,
    activation_time: 1_700_000_000,
    first_power_on: 1_690_000_000_000,
    latitude: jitter(22.907809, 0.000001, n),
    longitude: jitter(113.703482, 0.000001, n),
    height: 34.7,
    heading: 87.5,
    home_position_is_valid: 1,
    network_state: { type: 2, quality: 4, rate: jitter(1380, 200, n) },
    drone_in_dock: 1,
    drone_charge_state: { state: 0, capacity_percent: 98 },
    rainfall: 0,
    wind_speed: jitter(2.4, 1.5, n),
    environment_temperature: jitter(24, 1, n),
    temperature: jitter(28, 1, n),
    humidity: jitter(52, 3, n),
    electric_supply_voltage: 228,
    working_voltage: jitter(24_450, 30, n),
    working_current: jitter(1_750, 150, n),
    backup_battery: { voltage: 26_060, temperature: 27.5, switch: 0 },
    cover_state: 0,
    putter_state: 0,
    supplement_light_state: 0,
    emergency_stop_state: 0,
    alarm_state: 0,
    battery_store_mode: 1,
    silent_mode: 0,
    user_experience_improvement: 2,
    air_conditioner: { air_conditioner_state: 0, switch_time: 0 },
    storage: { total: 82_045_336, used: 5_030_516 + (n % 100) },
    media_file_detail: { remain_upload: 0 },
    position_state: { is_calibration: 1, is_fixed: 2, quality: 5, gps_number: 24, rtk_number: 31 },
    maintain_status: {
      maintain_status_array: [
        { state: 0, last_maintain_type: 17, last_maintain_time: 0, last_maintain_work_sorties: 0 },
        { state: 0, last_maintain_type: 18, last_maintain_time: 0, last_maintain_work_sorties: 0 },
        { state: 0, last_maintain_type: 19, last_maintain_time: 0, last_maintain_work_sorties: 0 },
      ],
    },
    drone_battery_maintenance_info: {
      maintenance_state: 0,
      maintenance_time_left: 0,
      heat_state: 0,
      batteries: [
        { index: 0, capacity_percent: 98, voltage: 26_049, temperature: jitter(27.4, 0.3, n) },
        { index: 1, capacity_percent: 98, voltage: 26_062, temperature: jitter(27.1, 0.3, n) },
      ],
    },
    alternate_land_point: { latitude: 22.907933, longitude: 113.703677, safe_land_height: 30, is_configured: 1, height: 34.2 },
    wireless_link: {
      dongle_number: 1,
      '4g_link_state': 1,
      sdr_link_state: 1,
      link_workmode: 1,
      sdr_quality: 5,
      '4g_quality': 4,
      '4g_uav_quality': 4,
      '4g_gnd_quality': 4,
      sdr_freq_band: 2.4,
      '4g_freq_band': 2.4,
    },
    sub_device: {
      device_sn: aircraftSn,
      product_type: '0-91-0',
      device_online_status: 0,
      device_paired: 1,
    },
    air_transfer_enable: true,
    live_capacity: {
      available_video_number: 1,
      coexist_video_number_max: 1,
      device_list: [
        {
          sn: aircraftSn,
          available_video_number: 1,
          coexist_video_number_max: 1,
          camera_list: [
            {
              camera_index: '165-0-7',
              available_video_number: 1,
              coexist_video_number_max: 1,
              video_list: [{ video_index: 'normal-0', video_type: 'normal', switchable_video_types: ['normal'] }],
            },
          ],
        },
      ],
    },
  };
}

/** data of one dock state: the firmware properties and one that changed (DJI's pushMode 1). */
export function dockStateData(firmwareVersion: string, upgrading: boolean, n: number): Record<string, unknown> {
  return {
    firmware_version: firmwareVersion,
    compatible_status: 0,
    firmware_upgrade_status: upgrading ? 1 : 0,
    live_status: [{ video_id: `${n % 7}/165-0-7/normal-0`, video_type: 'normal', video_quality: 0, status: 0, error_status: 0 }],
  };
}

/** A whole message (DJI's property envelope: tid, bid, timestamp, gateway, data) as sent. */
export function propertyMessage(gateway: string, data: Record<string, unknown>, now: number): string {
  return JSON.stringify({ tid: uuidv4(), bid: uuidv4(), timestamp: now, gateway, data });
}
