import{d as e,jr as t,kt as n,o as r,u as i}from"./index-Bv15gHvB.js";var a=i(`
  mutation SignDownloadLink($path: String!) {
    signDownloadLink(path: $path) {
      url
      expiresAt
    }
  }
`);function o(){let{t:i,language:o}=e(),{message:s}=n.useApp(),[c]=t(a,{fetchPolicy:`no-cache`});return async e=>{try{let{data:t}=await c({variables:{path:e}});t&&window.location.assign(t.signDownloadLink.url)}catch(e){s.error(r(e,i,o))}}}export{o as t};