import{Et as e,Or as t,c as n,l as r,o as i}from"./index-eZd5Ttaf.js";var a=n(`
  mutation SignDownloadLink($path: String!) {
    signDownloadLink(path: $path) {
      url
      expiresAt
    }
  }
`);function o(){let{t:n,language:o}=r(),{message:s}=e.useApp(),[c]=t(a,{fetchPolicy:`no-cache`});return async e=>{try{let{data:t}=await c({variables:{path:e}});t&&window.location.assign(t.signDownloadLink.url)}catch(e){s.error(i(e,n,o))}}}export{o as t};